import type { Prng } from './prng';

/** Plausible values for a field the benchmark knows only by name (SigmaHQ field names: Sysmon, Windows, web, cloud). */

const WORDS = ['update', 'service', 'backup', 'report', 'client', 'agent', 'config', 'sync', 'daily', 'setup', 'helper', 'cache', 'monitor', 'runner', 'worker', 'launcher'] as const;
const VENDORS = ['Microsoft', 'Google', 'Mozilla', 'Adobe', 'Contoso', 'Fabrikam', 'Oracle', 'VMware'] as const;
const USERS = ['alice', 'bob', 'svc_backup', 'administrator', 'jdoe', 'SYSTEM', 'NETWORK SERVICE', 'ec2-user', 'root', 'www-data'] as const;
const BINARIES = ['svchost.exe', 'explorer.exe', 'chrome.exe', 'msedge.exe', 'OneDrive.exe', 'Teams.exe', 'conhost.exe', 'RuntimeBroker.exe', 'taskhostw.exe', 'python.exe'] as const;
const LINUX_BINARIES = ['/usr/bin/python3', '/usr/sbin/sshd', '/usr/bin/curl', '/bin/bash', '/usr/bin/systemctl', '/usr/lib/systemd/systemd', '/usr/bin/node'] as const;
const TLDS = ['com', 'net', 'org', 'io', 'local'] as const;

function word(prng: Prng): string {
  return prng.pick(WORDS);
}

function windowsPath(prng: Prng): string {
  return prng.weighted<() => string>([
    [() => `C:\\Windows\\System32\\${prng.pick(BINARIES)}`, 3],
    [() => `C:\\Program Files\\${prng.pick(VENDORS)}\\${word(prng)}\\${word(prng)}.exe`, 3],
    [() => `C:\\Users\\${prng.pick(USERS)}\\AppData\\Local\\${prng.pick(VENDORS)}\\${word(prng)}.dll`, 2],
    [() => prng.pick(LINUX_BINARIES), 1],
  ])();
}

function commandLine(prng: Prng): string {
  return prng.weighted<() => string>([
    [() => `"${windowsPath(prng)}" --${word(prng)} --type=${word(prng)} /${prng.hex(6)}`, 3],
    [() => `C:\\Windows\\system32\\svchost.exe -k ${word(prng)}Svc -p -s ${word(prng)}`, 2],
    [() => `${prng.pick(LINUX_BINARIES)} -${prng.pick(['c', 'q', 'f', 'v'])} /var/lib/${word(prng)}/${word(prng)}.conf`, 2],
    [() => `powershell.exe -NoProfile -File C:\\Scripts\\${word(prng)}-${word(prng)}.ps1`, 1],
  ])();
}

function ipv4(prng: Prng): string {
  return prng.chance(0.5) ? `10.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}` : `${prng.int(11, 223)}.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;
}

function hostName(prng: Prng): string {
  return `${word(prng)}${prng.int(1, 99)}.${prng.pick(VENDORS).toLowerCase()}.${prng.pick(TLDS)}`;
}

const RULES: readonly (readonly [RegExp, (prng: Prng) => string | number])[] = [
  [/commandline|command|cmdline|scriptblock|payload/i, commandLine],
  [/image|path|file|module|dll|process$|executable|target(filename)?$/i, windowsPath],
  [/(^|[^a-z])ip|address|src$|dst$/i, ipv4],
  [/port$/i, (prng) => prng.pick([22, 53, 80, 135, 443, 445, 3389, 8080, prng.int(1024, 65535)])],
  [/user|account|subject|owner/i, (prng) => (prng.chance(0.5) ? `CORP\\${prng.pick(USERS)}` : prng.pick(USERS))],
  [/hash|sha|md5|imphash/i, (prng) => `SHA256=${prng.hex(64).toUpperCase()},IMPHASH=${prng.hex(32).toUpperCase()}`],
  [/guid/i, (prng) => `{${prng.uuid().toUpperCase()}}`],
  [/registry|targetobject|key$/i, (prng) => `HKLM\\SOFTWARE\\${prng.pick(VENDORS)}\\${word(prng)}\\${word(prng)}`],
  [/agent/i, (prng) => prng.pick(['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36', 'curl/8.4.0', 'python-requests/2.31.0'])],
  [/ur[il]|query|request|uri-stem/i, (prng) => `/${word(prng)}/${word(prng)}?id=${prng.int(1, 9999)}&q=${word(prng)}`],
  [/host|domain|dns|name$/i, hostName],
  [/eventid|code|level|count|size|id$/i, (prng) => prng.int(1, 5000)],
];

/** A random value shaped after the field's name; numeric for fields whose rule values are numbers. */
export function randomFieldValue(prng: Prng, field: string, numeric: boolean): string | number {
  if (numeric) return prng.int(1, 5000);
  for (const [pattern, make] of RULES) if (pattern.test(field)) return make(prng);
  return `${word(prng)} ${word(prng)}-${prng.hex(4)}`;
}

/** A short filler text to surround a literal that only has to be contained. */
export function fillerText(prng: Prng): string {
  return prng.pick(['', `${word(prng)} `, `C:\\Users\\${prng.pick(USERS)}\\`, `/${word(prng)}/`, `${word(prng)}-${prng.hex(3)} `]);
}
