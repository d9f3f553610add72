import { alertDocument, matchDocument } from '../../src/alerts/alert-document';
import { alertId, bucketStart, dedupKeyOf, dedupPlanFor, DEFAULT_BUCKET_SECONDS } from '../../src/alerts/dedup';
import { threatOf } from '../../src/alerts/threat';
import { matchEvent } from '../../src/detect/match-event';
import { RuleSet } from '../../src/sigma';
import type { NormalizedEvent } from '../../src/schemas/normalized-event';
import { compileYaml, ruleYaml } from '../sigma/rule-helpers';

const event = (overrides: Record<string, unknown> = {}): NormalizedEvent =>
  ({
    '@timestamp': '2025-11-28T18:03:31.123Z',
    message: 'GET /fetch?url=http://169.254.169.254/latest/meta-data AKIAIOSFODNN7EXAMPLE',
    event: { id: 'evt-1', kind: 'event', module: 'aws', dataset: 'aws.lambda', original: 'x AKIAIOSFODNN7EXAMPLE' },
    cloud: { provider: 'aws', account: { id: '111122223333' } },
    aws: { cloudwatch: { log_group: '/aws/lambda/orders-api', log_stream: 's', event_id: '1', owner: '111122223333', subscription_filters: [] } },
    faas: { name: 'orders-api' },
    source: { ip: '203.0.113.9' },
    logwarden: { source: 'lambda', parser: 'lambda-node' },
    ...overrides,
  }) as NormalizedEvent;

describe('alerts: dedup keys and buckets', () => {
  it('groups by the source identity by default, most specific field first', () => {
    const plan = dedupPlanFor(undefined);
    expect(plan.bucketSeconds).toBe(DEFAULT_BUCKET_SECONDS);
    expect(dedupKeyOf(event(), plan).fields).toEqual({ 'source.ip': '203.0.113.9' });
    expect(dedupKeyOf(event({ aws: { cloudtrail: { userIdentity: { arn: 'arn:aws:iam::1:user/bob' } } } }), plan).fields).toEqual({ 'aws.cloudtrail.userIdentity.arn': 'arn:aws:iam::1:user/bob' });
    expect(dedupKeyOf(event({ source: undefined }), plan).fields).toEqual({ 'faas.name': 'orders-api' });
  });

  it('groups by the fields a rule names, missing ones as null', () => {
    const plan = dedupPlanFor({ dedup: { fields: ['faas.name', 'user.name'], bucket: '15m' } });
    expect(plan.bucketSeconds).toBe(900);
    expect(dedupKeyOf(event(), plan)).toEqual({ fields: { 'faas.name': 'orders-api', 'user.name': null }, key: '[["faas.name","orders-api"],["user.name",null]]' });
    expect(dedupPlanFor({ dedup: ['faas.name'] }).fields?.map((f) => f.name)).toEqual(['faas.name']);
  });

  it('buckets by the event time, so a replay lands in the same alert', () => {
    expect(bucketStart('2025-11-28T18:03:31.123Z', 3600).toISOString()).toBe('2025-11-28T18:00:00.000Z');
    expect(bucketStart('2025-11-28T18:59:59.999Z', 3600).toISOString()).toBe('2025-11-28T18:00:00.000Z');
    expect(bucketStart('2025-11-28T19:00:00.000Z', 3600).toISOString()).toBe('2025-11-28T19:00:00.000Z');
  });

  it('gives the same rule, key and bucket the same alert id, and anything else another', () => {
    const b = new Date('2025-11-28T18:00:00Z');
    expect(alertId('r1', 'k', b)).toBe(alertId('r1', 'k', b));
    expect(new Set([alertId('r1', 'k', b), alertId('r2', 'k', b), alertId('r1', 'k2', b), alertId('r1', 'k', new Date('2025-11-28T19:00:00Z'))]).size).toBe(4);
    expect(alertId('r1', 'k', b)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('rejects an invalid dedup attribute when the rule is validated', () => {
    const { problems } = compileYaml(ruleYaml('selection:\n    a: 1\ncondition: selection', 'logwarden:\n    dedup:\n        bucket: 90 minutes\n'));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['logwarden.dedup.bucket: must be a number and a unit: 30m, 1h, 1d']);
  });
});

describe('alerts: ATT&CK from tags', () => {
  it('reads techniques and tactics', () => {
    expect(threatOf(['attack.credential-access', 'attack.t1552.005', 'attack.T1078', 'cve.2021-44228', 'attack.g0016'])).toEqual({
      technique: { id: ['T1552.005', 'T1078'] },
      tactic: { name: ['credential-access'] },
      framework: 'MITRE ATT&CK',
    });
    expect(threatOf(['detection.threat-hunting'])).toBeUndefined();
    expect(threatOf(['attack.stealth', 'attack.defense-impairment', 'attack.t1562.008'])).toEqual({
      technique: { id: ['T1562.008'] },
      tactic: { name: ['stealth', 'defense-impairment'] },
      framework: 'MITRE ATT&CK',
    });
  });
});

describe('alerts: documents', () => {
  const rules = compileYaml(
    ruleYaml("selection:\n    message|contains: '169.254.169.254'\ncondition: selection", 'level: high\ntags:\n    - attack.credential-access\n    - attack.t1552.005\nlogwarden:\n    dedup: [faas.name]\n'),
  ).rules;
  const rule = rules[0];
  if (rule === undefined) throw new Error('rule did not compile');
  const detector = { ruleSet: new RuleSet(rules), plans: new Map([[rule.key, dedupPlanFor(rule.document.logwarden)]]) };

  it('turns a match into a candidate with the rule, key, bucket and selections', () => {
    const [candidate] = matchEvent(event(), detector);
    expect(candidate).toMatchObject({ rule, selections: ['selection'], dedup: { fields: { 'faas.name': 'orders-api' } }, bucketSeconds: 3600 });
    expect(candidate?.bucket.toISOString()).toBe('2025-11-28T18:00:00.000Z');
    expect(matchEvent(event({ message: 'nothing here' }), detector)).toEqual([]);
  });

  it('copies the triggering event with secrets masked, and adds rule, threat and alert fields', () => {
    const [candidate] = matchEvent(event(), detector);
    if (candidate === undefined) throw new Error('no match');
    const doc = alertDocument(candidate) as Record<string, Record<string, unknown>>;
    expect(doc['message']).toBe('GET /fetch?url=http://169.254.169.254/latest/meta-data AKIA****MPLE');
    expect(doc['event']).toMatchObject({ kind: 'alert', id: 'evt-1', original: 'x AKIA****MPLE' });
    expect(doc['rule']).toMatchObject({ id: rule.id, title: rule.title, level: 'high', tags: ['attack.credential-access', 'attack.t1552.005'] });
    expect(doc['threat']).toEqual({ technique: { id: ['T1552.005'] }, tactic: { name: ['credential-access'] }, framework: 'MITRE ATT&CK' });
    expect(doc['alert']).toEqual({
      id: candidate.alertId,
      status: 'open',
      count: 1,
      first_seen: '2025-11-28T18:03:31.123Z',
      last_seen: '2025-11-28T18:03:31.123Z',
      bucket_start: '2025-11-28T18:00:00.000Z',
      bucket_seconds: 3600,
      dedup_key: '[["faas.name","orders-api"]]',
      dedup_fields: { 'faas.name': 'orders-api' },
      selections: ['selection'],
      first_event_id: 'evt-1',
      history: [],
    });
    expect(matchDocument(candidate)).toEqual({ '@timestamp': '2025-11-28T18:03:31.123Z', alert: { id: candidate.alertId }, event: { id: 'evt-1' }, rule: { id: rule.id } });
  });
});
