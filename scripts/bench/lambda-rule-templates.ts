import type { RuleTemplate } from './rule-draft';
import { LAMBDA_LOGSOURCE, mixValues } from './rule-draft';
import { ERROR_PHRASES, fakeDomain, fakeIndicator, fakeToolName, MESSAGE_TOKEN_SETS, QUERY_TOKENS } from './rule-vocabulary';
import { FUNCTIONS } from './web-vocabulary';

const REGEXES: readonly ((indicator: string) => string)[] = [
  () => 'AKIA[0-9A-Z]{16}',
  () => '(?i)union\\s+(all\\s+)?select',
  () => 'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.',
  (indicator) => `(?i)${indicator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9]{0,3}`,
  (indicator) => `${indicator.slice(0, 4).replace(/[^a-z]/g, 'x')}[a-z]{2,8}-[0-9a-f]{4}\\.(com|net|io)`,
];

/** Detections over application and platform lines of Lambda functions. */
export const LAMBDA_RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    name: 'lambda-message-all',
    weight: 8,
    build: (prng) => {
      const tokens = prng.chance(0.3) ? [...prng.pick(MESSAGE_TOKEN_SETS)] : [fakeIndicator(prng), prng.pick(['error', 'token', 'admin', 'export', 'session'])];
      return {
        title: `Application Log Mentions ${tokens.join(' And ')}`,
        description: 'Detects application log lines that contain every listed fragment.',
        logsource: LAMBDA_LOGSOURCE,
        detection: { selection: { 'message|contains|all': tokens }, condition: 'selection' },
        tags: ['attack.credential-access', 'attack.t1552.001'],
        level: 'medium',
        falsepositives: ['Debug logging in development stages'],
      };
    },
  },
  {
    name: 'lambda-keywords',
    weight: 8,
    build: (prng) => ({
      title: `Indicator Keywords ${fakeDomain(prng)}`,
      description: 'Detects indicators of compromise anywhere in an event.',
      logsource: LAMBDA_LOGSOURCE,
      detection: { keywords: mixValues(prng, ['169.254.169.254', 'jndi:ldap', 'union*select', '/etc/shadow'], () => fakeDomain(prng), 1, 1), condition: 'keywords' },
      tags: ['attack.command-and-control', 'attack.t1071'],
      level: 'high',
      falsepositives: ['Unknown'],
    }),
  },
  {
    name: 'lambda-regex',
    weight: 4,
    build: (prng) => {
      const field = prng.pick(['message', 'user_agent.original', 'url.query']);
      const pattern = prng.pick(REGEXES)(fakeToolName(prng));
      return {
        title: `Pattern ${pattern.slice(0, 40)} In ${field}`,
        description: 'Detects a regular-expression pattern in a log field.',
        logsource: LAMBDA_LOGSOURCE,
        detection: { selection: { [`${field}|re`]: pattern }, condition: 'selection' },
        tags: ['attack.credential-access', 'attack.t1552'],
        level: 'high',
        falsepositives: ['Test fixtures containing example keys'],
      };
    },
  },
  {
    name: 'lambda-function-error',
    weight: 4,
    build: (prng) => {
      const fn = prng.pick(FUNCTIONS).name;
      return {
        title: `${fn} Error ${fakeIndicator(prng)}`,
        description: 'Detects a specific failure of one function, often a sign of abuse or a broken dependency.',
        logsource: LAMBDA_LOGSOURCE,
        detection: {
          selection: { 'faas.name': fn, 'log.level': 'ERROR', 'message|contains': mixValues(prng, ERROR_PHRASES, () => fakeIndicator(prng), 1, 2) },
          condition: 'selection',
        },
        tags: ['attack.impact'],
        level: 'low',
        falsepositives: ['Downstream outages'],
      };
    },
  },
  {
    name: 'lambda-slow-invocation',
    weight: 3,
    build: (prng) => {
      const fn = prng.pick(FUNCTIONS);
      return {
        title: `${fn.name} Slow Invocation ${prng.hex(4)}`,
        description: 'Detects invocations running far longer than usual, as with resource hijacking.',
        logsource: LAMBDA_LOGSOURCE,
        detection: {
          selection: { 'faas.name': fn.name, 'aws.lambda.duration_ms|gt': prng.pick([10000, 20000, 30000]), 'message|startswith': 'REPORT' },
          condition: 'selection',
        },
        tags: ['attack.impact', 'attack.t1496'],
        level: 'low',
        falsepositives: ['Large exports'],
      };
    },
  },
  {
    name: 'lambda-injection-in-message',
    weight: 3,
    build: (prng) => ({
      title: `Injection Fragment Logged By Application (${fakeToolName(prng)})`,
      description: 'Detects injection fragments echoed in application messages.',
      logsource: LAMBDA_LOGSOURCE,
      detection: {
        selection: { 'message|contains': mixValues(prng, QUERY_TOKENS, () => fakeIndicator(prng), 1, 3) },
        filter_debug: { 'log.level': 'DEBUG' },
        condition: 'selection and not filter_debug',
      },
      tags: ['attack.initial-access', 'attack.t1190'],
      level: 'medium',
      falsepositives: ['Unknown'],
    }),
  },
];
