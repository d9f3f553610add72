import { randomBytes } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { actionIdOf } from '../../src/respond/actions/action-id';
import { createDynamoDbClient } from '../../src/respond/actions/dynamodb-client';
import { dynamoDbActionStore } from '../../src/respond/actions/dynamodb-action-store';
import { dynamoDbRateLimiter } from '../../src/respond/actions/dynamodb-rate-limiter';
import { ensureResponsesTable } from '../../src/respond/actions/table-schema';
import { lazyAwsClients } from '../../src/respond/hooks/aws-clients';
import { createHooks } from '../../src/respond/hooks/create-hooks';
import { parseResponsesConfig } from '../../src/respond/config/load-responses';
import { respondToNotice } from '../../src/respond/respond-engine';
import { ACCOUNT, alertNotice } from '../respond/support/alerts';
import { collectingDeadLetters, collectingRecorder } from '../respond/support/memory-stores';

jest.setTimeout(60_000);

const sns = mockClient(SNSClient);

function endpointFromSetup(): string {
  const endpoint = process.env['DYNAMODB_ENDPOINT'];
  if (endpoint === undefined || endpoint === '') throw new Error('DYNAMODB_ENDPOINT is not set: the integration global setup did not run');
  return endpoint;
}

const NEW_ACTION = { alertId: 'alert-1', ruleId: 'r-1', route: 'page-high', hook: 'page', hookKind: 'sns', target: 'arn:aws:sns:eu-west-1:111122223333:page', plan: '{}' };

describe('respond: the action store and rate limiter on DynamoDB (dynalite)', () => {
  let client: DynamoDBClient;
  let table: string;

  beforeAll(async () => {
    client = createDynamoDbClient({ endpoint: endpointFromSetup() });
    table = `logwarden-responses-test-${randomBytes(4).toString('hex')}`;
    await ensureResponsesTable(client, table);
  });

  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
    client.destroy();
  });

  beforeEach(() => sns.reset());

  it('lets exactly one of many concurrent claims of an action win', async () => {
    const store = dynamoDbActionStore(client, table);
    const actionId = actionIdOf(`alert-${randomBytes(4).toString('hex')}`, 'page');
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 8 }, () => store.claim({ ...NEW_ACTION, actionId }, { state: 'executing', now, leaseMs: 60_000, retryFailed: false })));
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    for (const lost of results.filter((r) => !r.claimed)) expect(lost).toEqual({ claimed: false, existing: expect.objectContaining({ actionId, state: 'executing' }) });
  });

  it('settles only with the claim token, and a dead claim is taken over after its lease', async () => {
    const store = dynamoDbActionStore(client, table);
    const actionId = actionIdOf(`alert-${randomBytes(4).toString('hex')}`, 'page');
    const t0 = new Date('2026-12-02T10:00:00Z');
    const first = await store.claim({ ...NEW_ACTION, actionId }, { state: 'executing', now: t0, leaseMs: 60_000, retryFailed: false });
    if (!first.claimed) throw new Error('first claim lost');
    expect((await store.claim({ ...NEW_ACTION, actionId }, { state: 'executing', now: new Date(t0.getTime() + 30_000), leaseMs: 60_000, retryFailed: false })).claimed).toBe(false);
    const second = await store.claim({ ...NEW_ACTION, actionId }, { state: 'executing', now: new Date(t0.getTime() + 61_000), leaseMs: 60_000, retryFailed: false });
    expect(second.claimed).toBe(true);
    expect(await store.settle(first.record, 'done', {}, new Date())).toBe(false);
    if (!second.claimed) throw new Error('unreachable');
    expect(await store.settle(second.record, 'done', { attempts: 1, detail: '{"messageId":"m"}' }, new Date())).toBe(true);
    expect(await store.get(actionId)).toEqual(expect.objectContaining({ state: 'done', attempts: 1, detail: '{"messageId":"m"}' }));
    expect((await store.get(actionId))?.claimToken).toBeUndefined();
  });

  it('keeps a failed action failed unless a redrive asks, and records approvals once', async () => {
    const store = dynamoDbActionStore(client, table);
    const failedId = actionIdOf(`alert-${randomBytes(4).toString('hex')}`, 'page');
    const claim = await store.claim({ ...NEW_ACTION, actionId: failedId }, { state: 'executing', now: new Date(), leaseMs: 60_000, retryFailed: false });
    if (!claim.claimed) throw new Error('claim lost');
    await store.settle(claim.record, 'failed', { error: 'HTTP 500' }, new Date());
    expect((await store.claim({ ...NEW_ACTION, actionId: failedId }, { state: 'executing', now: new Date(), leaseMs: 60_000, retryFailed: false })).claimed).toBe(false);
    expect((await store.claim({ ...NEW_ACTION, actionId: failedId }, { state: 'executing', now: new Date(), leaseMs: 60_000, retryFailed: true })).claimed).toBe(true);

    const waitingId = actionIdOf(`alert-${randomBytes(4).toString('hex')}`, 'quarantine');
    await store.claim({ ...NEW_ACTION, actionId: waitingId }, { state: 'awaiting-approval', now: new Date(), leaseMs: 60_000, retryFailed: false });
    expect((await store.claimApproved(waitingId, { now: new Date(), leaseMs: 60_000, retryFailed: false })).claimed).toBe(false);
    expect(await store.decide(waitingId, 'approved', 'alice', new Date())).toEqual(expect.objectContaining({ state: 'approved', decidedBy: 'alice' }));
    expect(await store.decide(waitingId, 'rejected', 'bob', new Date())).toBeUndefined();
    const taken = await Promise.all([0, 1].map(() => store.claimApproved(waitingId, { now: new Date(), leaseMs: 60_000, retryFailed: false })));
    expect(taken.filter((t) => t.claimed)).toHaveLength(1);
  });

  it('counts a fixed window per key and refuses past its maximum, even under concurrency', async () => {
    const limiter = dynamoDbRateLimiter(client, table);
    const key = `hook#page-${randomBytes(4).toString('hex')}`;
    const now = new Date('2026-12-02T10:10:00Z');
    const taken = await Promise.all(Array.from({ length: 6 }, () => limiter.take(key, 3, 3_600_000, now)));
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await limiter.take(key, 3, 3_600_000, new Date('2026-12-02T11:00:00Z'))).toBe(true);
    expect(await limiter.take(key, 0, 3_600_000, now)).toBe(false);
  });

  it('turns two concurrent deliveries of the same alert into one action', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const config = parseResponsesConfig(
      `version: 1\naccounts: ['${ACCOUNT}']\nhooks:\n  page: { type: sns, topicArn: 'arn:aws:sns:eu-west-1:${ACCOUNT}:page' }\nroutes:\n  - { name: page-high, match: { minLevel: high }, hooks: [page] }\n`,
      'responses.yml',
    );
    const recorder = collectingRecorder();
    const deps = {
      config,
      hooks: createHooks(config, { env: {}, aws: lazyAwsClients('eu-west-1') }),
      store: dynamoDbActionStore(client, table),
      limiter: dynamoDbRateLimiter(client, table),
      recorder,
      deadLetters: collectingDeadLetters(),
      now: () => new Date(),
      forceDryRun: false,
    };
    const notice = alertNotice({ alertId: `alert-${randomBytes(4).toString('hex')}`, tags: [] });
    const outcomes = (await Promise.all([respondToNotice(notice, deps), respondToNotice(notice, deps)])).flat().map((e) => e.outcome);
    expect(outcomes.sort()).toEqual(['done', 'skipped-duplicate']);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });
});
