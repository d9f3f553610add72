import { ATTACK_KINDS, type AttackKind, generateSampleDay, type SampleDay } from '../../src/samples';
import { field, functionOf, isCloudTrail, isLambda, type NormalizedSampleEvent, normalizeSample } from './sample-events';

type Detector = (e: NormalizedSampleEvent) => boolean;

const text = (e: NormalizedSampleEvent) => e.event.message;
const inFunction = (name: string, pattern: RegExp): Detector => (e) => isLambda(e) && functionOf(e) === name && pattern.test(text(e));
const trailCall = (eventName: string, check: (record: Record<string, unknown>) => boolean = () => true): Detector => (e) =>
  isCloudTrail(e) && field(e.event, 'aws.cloudtrail.eventName') === eventName && check(field(e.event, 'aws.cloudtrail') as Record<string, unknown>);
const at = (record: Record<string, unknown>, path: string) => field(record, path);
const DOCUMENTATION_IP = /^(203\.0\.113|198\.51\.100)\.\d{1,3}$/;

/**
 * How each injected attack shows in the normalized events (the fields rules and analysts see),
 * written independently of the generator, and how many events it takes at least.
 */
const EVIDENCE: Readonly<Record<AttackKind, readonly [Detector, number]>> = {
  'sql-injection': [inFunction('orders-api', /union (all )?select|' or '1'='1|waitfor delay|sleep\(5\)|pg_sleep/i), 10],
  'command-injection': [inFunction('orders-api', /;id;?|\$\(whoami\)|\$\(curl |; ?curl http|\| ?nc -e |`sleep /), 5],
  'path-traversal': [inFunction('orders-api', /\.\.\/\.\.\/|\.\.%2f|\.\.;\/|\/proc\/self\/environ|\/etc\/passwd/i), 5],
  'ssrf-imds-ipv4': [inFunction('thumbnailer', /169\.254\.169\.254/), 2],
  'ssrf-imds-ipv6': [inFunction('thumbnailer', /fd00:ec2::254/), 1],
  'template-injection': [inFunction('orders-api', /\{\{7\*7\}\}|\{\{7\*'7'\}\}|\$\{7\*7\}|\{\{constructor/), 3],
  log4shell: [inFunction('orders-api', /\$\{(jndi|\$\{lower:j\}ndi):/), 2],
  'scanner-sqlmap': [inFunction('orders-api', /ua="sqlmap\/[\d.]+/), 10],
  'scanner-nikto': [inFunction('orders-api', /\(Nikto\/[\d.]+\)/), 20],
  'scanner-nuclei': [inFunction('orders-api', /Nuclei - Open-source project/), 10],
  'leaked-access-key': [(e) => inFunction('payments-worker', /\bAKIA[A-Z2-7]{16}\b/)(e) && /aws_secret_access_key': '[A-Za-z0-9/+]{40}'/.test(text(e)), 1],
  'leaked-bearer-token': [(e) => inFunction('orders-api', /Bearer eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{40,}/)(e) && field(e.event, 'log.level') === 'DEBUG', 2],
  'leaked-private-key': [(e) => inFunction('auth-service', /-----BEGIN (RSA )?PRIVATE KEY-----\nMII/)(e) && field(e.event, 'log.level') === 'ERROR', 1],
  'failed-login-burst': [(e) => isLambda(e) && field(e.event, 'json.message.event') === 'login_failed' && DOCUMENTATION_IP.test(String(field(e.event, 'json.message.sourceIp'))), 30],
  'leaked-key-used': [(e) => isCloudTrail(e) && DOCUMENTATION_IP.test(String(field(e.event, 'source.ip'))) && field(e.event, 'aws.cloudtrail.userIdentity.userName') === 'svc-reporting', 3],
  'root-login-failed': [trailCall('ConsoleLogin', (r) => at(r, 'userIdentity.type') === 'Root' && at(r, 'responseElements.ConsoleLogin') === 'Failure'), 1],
  'root-login-without-mfa': [trailCall('ConsoleLogin', (r) => at(r, 'userIdentity.type') === 'Root' && at(r, 'additionalEventData.MFAUsed') === 'No' && at(r, 'responseElements.ConsoleLogin') === 'Success'), 1],
  'access-key-for-other-user': [trailCall('CreateAccessKey', (r) => typeof at(r, 'requestParameters.userName') === 'string' && at(r, 'requestParameters.userName') !== at(r, 'userIdentity.userName')), 1],
  'guardduty-detector-deleted': [trailCall('DeleteDetector', (r) => at(r, 'eventSource') === 'guardduty.amazonaws.com'), 1],
  'security-hub-disabled': [trailCall('DisableSecurityHub'), 1],
  'kms-key-deletion-scheduled': [trailCall('ScheduleKeyDeletion', (r) => typeof at(r, 'requestParameters.pendingWindowInDays') === 'number'), 1],
  'snapshot-shared-publicly': [trailCall('ModifySnapshotAttribute', (r) => JSON.stringify(at(r, 'requestParameters.createVolumePermission.add')) === '{"items":[{"group":"all"}]}'), 1],
  'bucket-policy-public': [trailCall('PutBucketPolicy', (r) => JSON.stringify(at(r, 'requestParameters.bucketPolicy')).includes('"Principal":"*"')), 1],
  'subscription-filter-deleted': [trailCall('DeleteSubscriptionFilter', (r) => at(r, 'requestParameters.filterName') === 'logwarden' && String(at(r, 'requestParameters.logGroupName')).startsWith('/aws/lambda/')), 1],
  'log-retention-shortened': [trailCall('PutRetentionPolicy', (r) => Number(at(r, 'requestParameters.retentionInDays')) <= 7), 1],
  'detect-function-code-updated': [trailCall('UpdateFunctionCode20150331v2', (r) => at(r, 'requestParameters.functionName') === 'logwarden-prod-detect'), 1],
  'normalized-stream-deleted': [trailCall('DeleteStream', (r) => at(r, 'requestParameters.streamName') === 'logwarden-normalized'), 1],
};

describe.each([
  ['the default sample', generateSampleDay()],
  ['another seed', generateSampleDay({ seed: 99, scale: 0.5 })],
])('samples: injected attacks in %s, as the normalized events show them', (_name, sample: SampleDay) => {
  const normalized = normalizeSample(sample);

  it.each(Object.keys(EVIDENCE) as AttackKind[])('%s', (kind) => {
    const [detector, minimum] = EVIDENCE[kind];
    const found = normalized.filter(detector);
    expect(found.length).toBeGreaterThanOrEqual(minimum);
    // The summary says where: the evidence lies in the log group and time span it gives.
    const entries = sample.summary.attacks.filter((a) => a.kind === kind);
    expect(entries.length).toBeGreaterThan(0);
    const located = found.filter((e) =>
      entries.some((a) => a.logGroup === e.record.logGroup && a.logStreams.includes(e.record.logStream) && e.record.timestamp >= Date.parse(a.first) && e.record.timestamp <= Date.parse(a.last)),
    );
    expect(located.length).toBeGreaterThanOrEqual(minimum);
  });

  it('lists every kind of attack in the summary', () => {
    expect(new Set(sample.summary.attacks.map((a) => a.kind))).toEqual(new Set(Object.keys(ATTACK_KINDS)));
  });

  it('packs the failed logins into minutes, from one address', () => {
    const failures = normalized.filter(EVIDENCE['failed-login-burst'][0]);
    const ips = new Set(failures.map((e) => field(e.event, 'json.message.sourceIp')));
    expect(ips.size).toBe(1);
    const times = failures.map((e) => e.record.timestamp);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(10 * 60 * 1000);
  });

  it('uses documentation addresses for every attacker seen in CloudTrail', () => {
    const attackNames = new Set(['CreateAccessKey', 'DeleteDetector', 'DisableSecurityHub', 'ScheduleKeyDeletion', 'ModifySnapshotAttribute', 'PutBucketPolicy', 'DeleteSubscriptionFilter', 'PutRetentionPolicy', 'DeleteStream']);
    const calls = normalized.filter((e) => isCloudTrail(e) && attackNames.has(String(field(e.event, 'aws.cloudtrail.eventName'))));
    expect(calls.length).toBeGreaterThanOrEqual(attackNames.size);
    for (const e of calls) expect(String(field(e.event, 'source.ip'))).toMatch(DOCUMENTATION_IP);
  });

  it('ties the leaked key to its use: the key printed by payments-worker signs the attacker\'s calls', () => {
    const leak = normalized.find(EVIDENCE['leaked-access-key'][0]);
    const keyId = /\bAKIA[A-Z2-7]{16}\b/.exec(leak?.event.message ?? '')?.[0];
    const uses = normalized.filter((e) => isCloudTrail(e) && field(e.event, 'aws.cloudtrail.userIdentity.accessKeyId') === keyId);
    expect(keyId).toBeDefined();
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const use of uses) expect(use.record.timestamp).toBeGreaterThan(leak?.record.timestamp ?? Infinity);
  });

  it('uses fake but valid-shaped credentials, never the documentation example key', () => {
    const all = normalized.map((e) => e.record.message).join('\n');
    expect(all).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(all).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });
});
