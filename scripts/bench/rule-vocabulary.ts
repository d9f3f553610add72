import type { Prng } from './prng';

/**
 * Values for synthetic rules. Most real detections look for things that rarely or never occur
 * (indicators, tool names, one vendor's exploit path), so rules mix values the event generator
 * also produces with made-up indicators that no event contains: the index must skip those cheaply.
 */

/** Escapes Sigma's wildcard and escape characters so a text is matched literally (Sigma spec, "Wildcards"). */
export function sigmaLiteral(text: string): string {
  return text.replace(/[*?\\]/g, (c) => `\\${c}`);
}

const WORDS = ['shadow', 'lotus', 'amber', 'nimbus', 'vortex', 'falcon', 'cobalt', 'ember', 'raven', 'quartz', 'onyx', 'tundra', 'zephyr', 'mantis', 'helix', 'drift'] as const;
const TLDS = ['com', 'net', 'io', 'top', 'xyz', 'ru', 'cc'] as const;
const SYLLABLES = ['kra', 'vex', 'lin', 'dor', 'mak', 'zul', 'tri', 'pho', 'sen', 'gar', 'qui', 'bel'] as const;

export function fakeDomain(prng: Prng): string {
  return `${prng.pick(WORDS)}-${prng.pick(WORDS)}${prng.int(1, 999)}.${prng.pick(TLDS)}`;
}

export function fakeToolName(prng: Prng): string {
  return Array.from({ length: prng.int(2, 3) }, () => prng.pick(SYLLABLES)).join('') + prng.pick(['scan', 'probe', 'bot', 'enum', 'crawl', 'x']);
}

export function fakeFileName(prng: Prng): string {
  return `${prng.pick(WORDS)}_${prng.hex(4)}.${prng.pick(['php', 'jsp', 'aspx', 'sh', 'cgi'])}`;
}

export function fakeIndicator(prng: Prng): string {
  switch (prng.int(0, 3)) {
    case 0:
      return fakeDomain(prng);
    case 1:
      return fakeToolName(prng);
    case 2:
      return fakeFileName(prng);
    default:
      return `${prng.pick(WORDS)}${prng.hex(6)}`;
  }
}

/** A random /24 or /16 network in public space, as threat-intel feeds list them. */
export function fakeNetwork(prng: Prng): string {
  return prng.chance(0.7) ? `${prng.int(11, 223)}.${prng.int(0, 255)}.${prng.int(0, 255)}.0/24` : `${prng.int(11, 223)}.${prng.int(0, 255)}.0.0/16`;
}

/** Sigma value fragments (already Sigma-escaped where needed) for injection and traversal detections. */
export const QUERY_TOKENS = [
  "' or '1'='1",
  'union select',
  'union all select',
  'information_schema',
  'sleep(',
  'drop table',
  'waitfor delay',
  'pg_sleep',
  'xp_cmdshell',
  'benchmark(',
  'load_file(',
  'into outfile',
  '../',
  '..%2f',
  '%2e%2e/',
  '/etc/passwd',
  '169.254.169.254',
  'fd00:ec2::254',
  '/latest/meta-data',
  '<script',
  'jndi:ldap',
  '$(curl',
  ';cat ',
  '127.0.0.1:2375',
] as const;

export const PATH_ENDINGS = ['/.env', '/.git/config', '/wp-login.php', '/phpmyadmin/index.php', '/actuator/env', '/server-status', '/eval-stdin.php', '/.aws/credentials', '/config.php', '/etc/passwd', '/win.ini', '/xmlrpc.php', '/.DS_Store'] as const;
export const PATH_PREFIXES = ['/admin', '/actuator', '/cgi-bin/', '/.git', '/vendor/phpunit', '/wp-', '/phpmyadmin', '/solr/admin', '/console/', '/jmx-console'] as const;
export const PATH_PARTS = ['../', '..%2f', '%2e%2e', '/proc/self/', '/etc/shadow', '/.aws/', 'phpunit', 'wp-content/plugins/*/readme.txt'] as const;
export const SCANNER_TOKENS = ['sqlmap', 'Nikto', 'Nuclei', 'masscan', 'zgrab', 'WPScan', 'gobuster', 'Fuzz Faster U Fool', 'dirbuster', 'Acunetix', 'Netsparker', 'jndi:'] as const;
export const MESSAGE_TOKEN_SETS = [
  ['Connection timed out', 'ms'],
  ['conditional request failed', 'ConditionalCheckFailed'],
  ['Cannot read properties of undefined', 'reading'],
  ['Rate of requests exceeds', 'throughput'],
  ['AWS_ACCESS_KEY_ID=', 'region='],
  ['credentials', 'wJalrXUtnFEMI'],
  ['Authorization: Bearer', 'eyJ'],
  ['169.254.169.254', 'security-credentials'],
  ['BEGIN RSA PRIVATE KEY', '-----'],
] as const;
export const ERROR_PHRASES = ['timed out', 'conditional request failed', 'Cannot read properties', 'exceeds the allowed throughput', 'must be a positive integer', 'ECONNREFUSED', 'out of memory', 'Unhandled Promise rejection'] as const;
export const CLOUDTRAIL_UA_TOKENS = ['kali', 'parrot', 'Pacu', 'S3 Browser', 'cloudfox', 'ScoutSuite', 'prowler', 'WeirdAAL', 'cloudsplaining'] as const;
export const INTERNAL_NETWORKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;
export const HOSTILE_NETWORKS = ['192.0.2.0/24', '185.220.101.0/24', '45.155.205.0/24'] as const;
