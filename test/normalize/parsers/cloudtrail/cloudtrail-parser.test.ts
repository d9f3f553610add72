import { CLOUDTRAIL_EVENT_PARSER, CLOUDTRAIL_PARSERS } from '../../../../src/normalize/parsers/cloudtrail';
import type { EventFields, ParseOutcome } from '../../../../src/normalize/parser';
import { parseNormalizeConfig } from '../../../../src/normalize/config';
import { fixtureMessage, OWNER, parseInput } from '../parser-inputs';

const GROUP = 'aws-cloudtrail-logs-111122223333-org';

function parse(message: string, owner = OWNER): ParseOutcome {
  return CLOUDTRAIL_EVENT_PARSER.parse(parseInput(message, { logGroup: GROUP, owner }));
}

function parsedFields(outcome: ParseOutcome): EventFields {
  if (outcome.kind !== 'parsed') throw new Error(`expected parsed, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome.fields;
}

const MALLORY = { id: 'AROAEXAMPLEID:mallory-session', name: 'mallory-session' };
const BOTO = { original: 'Boto3/1.35.0 md/Botocore#1.35.0 ua/2.0 os/linux' };
const FROM_198_51_100_99 = { source: { address: '198.51.100.99', ip: '198.51.100.99' } };
const CONSOLE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const login = (created: string, outcome: string) => ({
  action: 'ConsoleLogin', provider: 'signin.amazonaws.com', created, outcome, category: ['authentication'], type: ['start'],
});

// Each fixture's ECS summary: everything the parser emits besides the record under aws.cloudtrail.
const CASES: readonly { fixture: string; when: string; summary: EventFields }[] = [
  {
    fixture: 'delete-subscription-filter', when: 'an assumed role deletes a subscription filter (A8 sample)',
    summary: {
      event: { action: 'DeleteSubscriptionFilter', provider: 'logs.amazonaws.com', created: '2025-11-28T18:01:07Z', outcome: 'success', category: ['configuration'], type: ['deletion'] },
      cloud: { region: 'eu-west-1' }, user_agent: { original: 'aws-cli/2.17.0' },
      source: { address: '198.51.100.23', ip: '198.51.100.23' },
      user: { id: 'AROAEXAMPLEID:ops-session', name: 'ops-session' },
      related: { ip: ['198.51.100.23'], user: ['ops-session', 'ops'] },
    },
  },
  {
    fixture: 'console-login-success-mfa', when: 'an IAM user signs in with MFA',
    summary: {
      event: login('2025-11-28T08:59:12Z', 'success'), cloud: { region: 'us-east-1' }, user_agent: { original: CONSOLE },
      source: { address: '203.0.113.77', ip: '203.0.113.77' }, user: { id: 'AIDAEXAMPLEALICE', name: 'alice' },
      related: { ip: ['203.0.113.77'], user: ['alice'] },
    },
  },
  {
    fixture: 'console-login-success-no-mfa', when: 'an IAM user signs in without MFA',
    summary: {
      event: login('2025-11-28T09:14:40Z', 'success'), cloud: { region: 'us-east-1' }, user_agent: { original: CONSOLE },
      source: { address: '203.0.113.77', ip: '203.0.113.77' }, user: { id: 'AIDAEXAMPLEALICE', name: 'alice' },
      related: { ip: ['203.0.113.77'], user: ['alice'] },
    },
  },
  {
    fixture: 'console-login-failure-no-mfa', when: 'a sign-in fails without errorCode, only responseElements.ConsoleLogin "Failure" (A8 sample)',
    summary: {
      event: login('2025-11-28T18:02:44Z', 'failure'), cloud: { region: 'us-east-1' }, user_agent: { original: 'Mozilla/5.0' },
      error: { message: 'Failed authentication' }, source: { address: '203.0.113.77', ip: '203.0.113.77' }, user: { name: 'alice' },
      related: { ip: ['203.0.113.77'], user: ['alice'] },
    },
  },
  {
    fixture: 'console-login-failure-mfa', when: 'a sign-in with MFA fails',
    summary: {
      event: login('2025-11-28T18:05:02Z', 'failure'), cloud: { region: 'us-east-1' }, user_agent: { original: CONSOLE },
      error: { message: 'Failed authentication' }, source: { address: '192.0.2.145', ip: '192.0.2.145' }, user: { id: 'AIDAEXAMPLEBOB', name: 'bob' },
      related: { ip: ['192.0.2.145'], user: ['bob'] },
    },
  },
  {
    fixture: 'console-login-root', when: 'the root user signs in from an IPv6 address',
    summary: {
      event: login('2025-11-28T03:12:55Z', 'success'), cloud: { region: 'us-east-1' }, user_agent: { original: CONSOLE },
      source: { address: '2001:db8:4f2a::17', ip: '2001:db8:4f2a::17' }, user: { id: OWNER, name: 'root' },
      related: { ip: ['2001:db8:4f2a::17'], user: ['root'] },
    },
  },
  {
    fixture: 'assume-role', when: 'an IAM user assumes a role',
    summary: {
      event: { action: 'AssumeRole', provider: 'sts.amazonaws.com', created: '2025-11-28T10:20:31Z', outcome: 'success', category: ['authentication'], type: ['start'] },
      cloud: { region: 'eu-west-1' }, user_agent: { original: 'aws-cli/2.17.0 md/Botocore#1.35.0' },
      source: { address: '198.51.100.40', ip: '198.51.100.40' }, user: { id: 'AIDAEXAMPLECAROL', name: 'carol' },
      related: { ip: ['198.51.100.40'], user: ['carol'] },
    },
  },
  {
    fixture: 'create-access-key-other-user', when: 'a user creates an access key for another user',
    summary: {
      event: { action: 'CreateAccessKey', provider: 'iam.amazonaws.com', created: '2025-11-28T11:02:09Z', outcome: 'success', category: ['iam'], type: ['creation', 'user'] },
      cloud: { region: 'us-east-1' }, user_agent: { original: 'aws-cli/2.17.0' },
      source: { address: '203.0.113.77', ip: '203.0.113.77' }, user: { id: 'AIDAEXAMPLEALICE', name: 'alice', target: { name: 'bob' } },
      related: { ip: ['203.0.113.77'], user: ['alice', 'bob'] },
    },
  },
  {
    fixture: 'stop-logging', when: 'a trail is stopped',
    summary: {
      event: { action: 'StopLogging', provider: 'cloudtrail.amazonaws.com', created: '2025-11-28T12:09:30Z', outcome: 'success', category: ['configuration'], type: ['change'] },
      cloud: { region: 'eu-west-1' }, user_agent: BOTO, ...FROM_198_51_100_99, user: MALLORY,
      related: { ip: ['198.51.100.99'], user: ['mallory-session', 'ops'] },
    },
  },
  {
    fixture: 'delete-trail', when: 'a trail is deleted',
    summary: {
      event: { action: 'DeleteTrail', provider: 'cloudtrail.amazonaws.com', created: '2025-11-28T12:10:44Z', outcome: 'success', category: ['configuration'], type: ['deletion'] },
      cloud: { region: 'eu-west-1' }, user_agent: BOTO, ...FROM_198_51_100_99, user: MALLORY,
      related: { ip: ['198.51.100.99'], user: ['mallory-session', 'ops'] },
    },
  },
  {
    fixture: 'put-bucket-policy', when: 'a bucket policy is replaced',
    summary: {
      event: { action: 'PutBucketPolicy', provider: 's3.amazonaws.com', created: '2025-11-28T12:15:02Z', outcome: 'success', category: ['configuration'], type: ['change'] },
      cloud: { region: 'eu-west-1' }, user_agent: { original: '[aws-cli/2.17.0]' }, ...FROM_198_51_100_99, user: MALLORY,
      related: { ip: ['198.51.100.99'], user: ['mallory-session', 'ops'] },
    },
  },
  {
    fixture: 'aws-service-assume-role', when: 'an AWS service principal acts and sourceIPAddress is a service name',
    summary: {
      event: { action: 'AssumeRole', provider: 'sts.amazonaws.com', created: '2025-11-28T13:00:01Z', outcome: 'success', category: ['authentication'], type: ['start'] },
      cloud: { region: 'eu-west-1' }, user_agent: { original: 'lambda.amazonaws.com' },
      source: { address: 'lambda.amazonaws.com', domain: 'lambda.amazonaws.com' }, user: { name: 'lambda.amazonaws.com' },
      related: { user: ['lambda.amazonaws.com'] },
    },
  },
  {
    fixture: 'access-denied-create-user', when: 'the call is denied (errorCode AccessDenied)',
    summary: {
      event: { action: 'CreateUser', provider: 'iam.amazonaws.com', created: '2025-11-28T12:20:13Z', outcome: 'failure', category: ['iam'], type: ['creation', 'user'] },
      cloud: { region: 'us-east-1' }, user_agent: { original: 'aws-cli/2.17.0' }, ...FROM_198_51_100_99, user: MALLORY,
      error: {
        code: 'AccessDenied',
        message: 'User: arn:aws:sts::111122223333:assumed-role/ops/mallory-session is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/backdoor because no identity-based policy allows the iam:CreateUser action',
      },
      related: { ip: ['198.51.100.99'], user: ['mallory-session', 'ops'] },
    },
  },
];

describe('normalize: cloudtrail', () => {
  it.each(CASES)('keeps the record whole and summarizes it in ECS when $when ($fixture)', ({ fixture, summary }) => {
    const message = fixtureMessage(`cloudtrail/${fixture}.json`);
    const outcome = parse(message);
    const { aws, ...ecs } = parsedFields(outcome);
    expect(aws).toEqual({ cloudtrail: JSON.parse(message) });
    expect(ecs).toEqual(summary);
    expect(outcome).not.toHaveProperty('duplicateKeys');
  });

  it('never emits the fields the orchestrator owns when the message claims them', () => {
    const event = JSON.parse(fixtureMessage('cloudtrail/delete-trail.json')) as Record<string, unknown>;
    const forged = { ...event, logwarden: { source: 'lambda' }, cloud: { account: { id: '999999999999' } }, event: { id: 'x' } };
    const fields = parsedFields(parse(JSON.stringify(forged)));
    expect(Object.keys(fields).sort()).toEqual(['aws', 'cloud', 'event', 'related', 'source', 'user', 'user_agent']);
    expect(fields.cloud).toEqual({ region: 'eu-west-1' });
    expect(fields.event).not.toHaveProperty('id');
    expect(fields.aws).not.toHaveProperty('cloudwatch');
  });

  it('flags the event but keeps its fields when recipientAccountId differs from the log group owner (D3.2)', () => {
    const message = fixtureMessage('cloudtrail/delete-trail.json');
    const outcome = parse(message, '444455556666');
    expect(outcome).toEqual({
      kind: 'failed',
      parser: 'cloudtrail',
      error: 'recipientAccountId "111122223333" differs from the log group owner 444455556666 and is not a configured account (possibly forged CloudTrail event)',
      fields: parsedFields(parse(message)),
      duplicateKeys: [],
    });
  });

  it('accepts another recipient account when it is configured (an organization trail)', () => {
    const message = fixtureMessage('cloudtrail/delete-trail.json');
    const config = parseNormalizeConfig({ accounts: ['444455556666', '111122223333'] });
    expect(CLOUDTRAIL_EVENT_PARSER.parse(parseInput(message, { logGroup: GROUP, owner: '444455556666', config })).kind).toBe('parsed');
  });

  it('accepts an event without recipientAccountId', () => {
    const { recipientAccountId: _dropped, ...event } = JSON.parse(fixtureMessage('cloudtrail/stop-logging.json')) as Record<string, unknown>;
    expect(parse(JSON.stringify(event)).kind).toBe('parsed');
  });

  it('reports duplicate keys when a key occurs twice', () => {
    const message = fixtureMessage('cloudtrail/stop-logging.json').replace('"eventName":"StopLogging"', '"eventName":"GetTrail","eventName":"StopLogging"');
    const outcome = parse(message);
    expect(outcome).toMatchObject({ kind: 'parsed', duplicateKeys: ['eventName'] });
    expect(parsedFields(outcome).event).toMatchObject({ action: 'StopLogging' });
  });

  it.each([
    ['a message is not JSON', 'ConsoleLogin by alice', /^invalid JSON: /],
    ['the JSON is truncated', fixtureMessage('cloudtrail/assume-role.json').slice(0, 300), /^invalid JSON: /],
    ['the message is empty', '', /^invalid JSON: /],
    ['the JSON is an array', '[{"eventName":"ConsoleLogin"}]', /^a CloudTrail event is a JSON object, not an array$/],
    ['the JSON is a string', '"ConsoleLogin"', /^a CloudTrail event is a JSON object, not a string$/],
    ['the JSON is null', 'null', /^a CloudTrail event is a JSON object, not null$/],
    ['the message is an S3 log file', '{"Records":[{"eventName":"ConsoleLogin"}]}', /^message is an S3 CloudTrail log file \(\{"Records":\[…\]\}\); CloudWatch Logs carries one event per message$/],
    ['eventName and eventTime are missing', '{"eventSource":"s3.amazonaws.com"}', /^not a CloudTrail event: eventName, eventTime missing or not a string$/],
    ['eventSource is not a string', '{"eventName":"X","eventSource":7,"eventTime":"2025-11-28T12:00:00Z"}', /^not a CloudTrail event: eventSource missing or not a string$/],
    ['eventTime is not a time', '{"eventName":"X","eventSource":"s3.amazonaws.com","eventTime":"yesterday"}', /^eventTime "yesterday" is not an ISO 8601 UTC time$/],
    ['the JSON nests 100,000 levels', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /^JSON nested deeper than 64 levels$/],
  ])('fails with the reason when %s', (_when, message, reason) => {
    const outcome = parse(message);
    expect(outcome).toEqual({ kind: 'failed', parser: 'cloudtrail', error: expect.stringMatching(reason) });
  });

  it('fails without throwing on binary garbage and on a 1 MB line', () => {
    let seed = 7;
    const garbage = Array.from({ length: 4096 }, () => String.fromCharCode((seed = (seed * 48271) % 2147483647) % 256)).join('');
    expect(parse(garbage)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^invalid JSON/) });
    expect(parse(`{"eventName":"${'A'.repeat(1 << 20)}`)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^invalid JSON/) });
  });

  it('parses a 1 MB event and keeps its large field whole', () => {
    const event = JSON.parse(fixtureMessage('cloudtrail/put-bucket-policy.json')) as { requestParameters: { policy: string } };
    event.requestParameters.policy = 'x'.repeat(1 << 20);
    const fields = parsedFields(parse(JSON.stringify(event)));
    expect(fields.aws).toEqual({ cloudtrail: event });
  });

  it('lists one parser for CloudTrail log groups', () => {
    expect(CLOUDTRAIL_PARSERS).toEqual([CLOUDTRAIL_EVENT_PARSER]);
    expect(CLOUDTRAIL_EVENT_PARSER.name).toBe('cloudtrail');
  });
});
