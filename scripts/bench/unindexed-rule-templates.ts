import type { RuleTemplate } from './rule-draft';
import { CLOUDTRAIL_LOGSOURCE, LAMBDA_LOGSOURCE, mixValues, WEB_LOGSOURCE } from './rule-draft';
import { fakeNetwork, HOSTILE_NETWORKS } from './rule-vocabulary';

/**
 * Rules with no literal every match must contain (networks, numeric comparisons, existence,
 * negations): the rule set cannot index them and evaluates them for every event. Real rule sets
 * have a few percent of these; they bound how much the index can save.
 */
export const UNINDEXED_RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    name: 'unindexed-server-errors-from-network',
    weight: 1.5,
    build: (prng) => ({
      title: `Server Errors Triggered From Listed Network ${prng.hex(4)}`,
      description: 'Detects requests from listed networks that made the function fail.',
      logsource: WEB_LOGSOURCE,
      detection: {
        selection: { 'source.ip|cidr': mixValues(prng, HOSTILE_NETWORKS, () => fakeNetwork(prng), 1, 3), 'http.response.status_code|gte': 500 },
        condition: 'selection',
      },
      tags: ['attack.initial-access', 'attack.t1190'],
      level: 'medium',
      falsepositives: ['Outages'],
    }),
  },
  {
    name: 'unindexed-cold-start-memory',
    weight: 1,
    build: (prng) => ({
      title: `Cold Start With Memory Above ${prng.int(200, 1800)} MB`,
      description: 'Detects cold starts that immediately use a lot of memory, as injected miners do.',
      logsource: LAMBDA_LOGSOURCE,
      detection: {
        selection: { 'aws.lambda.init_duration_ms|gt': prng.int(700, 900), 'aws.lambda.max_memory_used_mb|gte': prng.int(200, 1800) },
        condition: 'selection',
      },
      tags: ['attack.impact', 'attack.t1496'],
      level: 'low',
      falsepositives: ['Large dependencies'],
    }),
  },
  {
    name: 'unindexed-stack-trace-not-error',
    weight: 1,
    build: (prng) => ({
      title: `Stack Trace Outside Error Lines ${prng.hex(4)}`,
      description: 'Detects stack traces logged below error level, which can leak internals.',
      logsource: LAMBDA_LOGSOURCE,
      detection: {
        selection: { 'error.stack_trace|exists': true },
        filter_error: { 'log.level': prng.pick([['ERROR'], ['ERROR', 'FATAL']]) },
        condition: 'selection and not filter_error',
      },
      tags: ['attack.discovery'],
      level: 'informational',
      falsepositives: ['Verbose logging'],
    }),
  },
  {
    name: 'unindexed-cloudtrail-network',
    weight: 1,
    build: (prng) => ({
      title: `Any API Call From Listed Network ${prng.hex(4)}`,
      description: 'Detects any API call from networks on a threat-intelligence list.',
      logsource: CLOUDTRAIL_LOGSOURCE,
      detection: { selection: { 'aws.cloudtrail.sourceIPAddress|cidr': mixValues(prng, HOSTILE_NETWORKS, () => fakeNetwork(prng), 1, 4) }, condition: 'selection' },
      tags: ['attack.initial-access', 'attack.t1078.004'],
      level: 'high',
      falsepositives: ['Unknown'],
    }),
  },
];
