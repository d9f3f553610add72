import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { kinesisEventFrom } from '../../src/batch/kinesis-event-builder';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { FileDeadLetterSink } from '../../src/dead-letters/file-sink';
import { createKinesisClient } from '../../src/kinesis/client';
import { ensureStream } from '../../src/kinesis/ensure-stream';
import { putRecords } from '../../src/kinesis/put-records';
import type { StreamRecord } from '../../src/kinesis/read-stream';
import { readAllRecords } from '../../src/kinesis/read-stream';
import { decodeNormalizedEvent } from '../../src/normalize/normalized-record';
import type { NormalizedEvent } from '../../src/schemas/normalized-event';
import { run } from '../cli/cli-io';
import { CONTROL_PAYLOAD, subscriptionEvent, subscriptionPayload } from '../factories/kinesis-events';

jest.setTimeout(180_000);

const REQUEST = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const TRAIL = JSON.stringify({
  eventVersion: '1.09',
  userIdentity: { type: 'AssumedRole', principalId: 'AROAEXAMPLEID:ops', arn: 'arn:aws:sts::111122223333:assumed-role/ops/ops', accountId: '111122223333' },
  eventTime: '2025-11-28T18:01:07Z',
  eventSource: 'logs.amazonaws.com',
  eventName: 'DeleteSubscriptionFilter',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.23',
  userAgent: 'aws-cli/2.17.0',
  requestParameters: { logGroupName: '/aws/lambda/orders-api', filterName: 'logwarden' },
  responseElements: null,
  requestID: '4a1b2c3d-0000-4000-8000-000000000001',
  eventID: '7f6e5d4c-0000-4000-8000-000000000002',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
});

/** A realistic mix of what subscription filters deliver, one payload per log stream. */
const PAYLOADS = [
  subscriptionPayload({ logStream: '2025/11/28/[$LATEST]aaaa' }, [
    'INIT_START Runtime Version: nodejs:22.v40\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:abc\n',
    `START RequestId: ${REQUEST} Version: $LATEST\n`,
    `2025-11-28T18:03:31.123Z\t${REQUEST}\tINFO\torder accepted id=81723\n`,
    `2025-11-28T18:03:31.456Z\t${REQUEST}\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined","stack":["TypeError: Cannot read properties of undefined","    at decode (<code-dir>/index.js:41:27)"]}\n`,
    `${TRAIL}\n`, // printed by the function: an application line, not CloudTrail
    `2025-11-28T18:04:01.000Z ${REQUEST} Task timed out after 30.03 seconds\n`,
    `END RequestId: ${REQUEST}\n`,
    `REPORT RequestId: ${REQUEST}\tDuration: 30003.11 ms\tBilled Duration: 30000 ms\tMemory Size: 512 MB\tMax Memory Used: 211 MB\tInit Duration: 312.05 ms\tStatus: timeout\n`,
  ]),
  subscriptionPayload({ logGroup: '/aws/lambda/payments', logStream: '2025/11/28/[$LATEST]bbbb' }, [
    `{"timestamp":"2025-11-28T18:03:31.123Z","level":"INFO","requestId":"${REQUEST}","message":{"stage":"charge","amount":42}}\n`,
    `{"time":"2025-11-28T18:04:01.000Z","type":"platform.report","record":{"requestId":"${REQUEST}","metrics":{"durationMs":812.4,"billedDurationMs":813,"memorySizeMB":512,"maxMemoryUsedMB":96},"status":"success"}}\n`,
  ]),
  subscriptionPayload({ logGroup: 'aws-cloudtrail-logs-111122223333-org', logStream: '111122223333_CloudTrail_eu-west-1' }, [TRAIL, TRAIL.replace('7f6e5d4c', '8f6e5d4c').replace('DeleteSubscriptionFilter', 'PutRetentionPolicy')]),
  subscriptionPayload({ logGroup: '/aws/vpc/flow-logs/prod', logStream: 'eni-0a1b2c3d4e5f60718-all' }, [
    '2 111122223333 eni-0a1b2c3d4e5f60718 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1764352980 1764353040 ACCEPT OK',
    '2 111122223333 eni-0a1b2c3d4e5f60718 198.51.100.9 172.31.16.139 41022 3389 6 1 40 1764352980 1764353040 REJECT OK',
    '2 111122223333 eni-0f9e8d7c6b5a49382 - - - - - - - 1764352980 1764353040 - NODATA',
  ]),
  subscriptionPayload({ logGroup: '/aws/apigateway/access-logs/orders', logStream: 'prod' }, [
    '{"requestId":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","ip":"203.0.113.24","requestTime":"28/Nov/2025:18:03:11 +0000","httpMethod":"POST","routeKey":"POST /v1/orders","status":"201","protocol":"HTTP/1.1","responseLength":"112","userAgent":"curl/8.5.0"}',
    '{"requestId":"8d2e3f4a-5b6c-4d7e-9f0a-1b2c3d4e5f6a","ip":"198.51.100.66","userAgent":"x", "status":"200", "z":"","status":"500"}',
  ]),
  subscriptionPayload({ logGroup: '/ecs/worker', logStream: 'worker/1' }, ['plain text from a container', '{"level":"warn","msg":"queue is slow","depth":1200}']),
];
const LOG_EVENTS = PAYLOADS.flatMap((p) => p.logEvents.map((e) => ({ group: p.logGroup, stream: p.logStream, id: e.id })));

interface Pipeline {
  client: KinesisClient;
  raw: string;
  normalized: string;
  deadLetters: string;
  forward: (event: unknown) => Promise<unknown>;
  normalize: (event: unknown, context: { getRemainingTimeInMillis(): number }) => Promise<BatchResponse>;
}

/** Loads the real handlers with an environment pointing at fresh streams on kinesis-local. */
async function pipeline(): Promise<Pipeline> {
  const endpoint = process.env['KINESIS_ENDPOINT'];
  if (endpoint === undefined || endpoint === '') throw new Error('KINESIS_ENDPOINT is not set: the integration global setup did not run');
  const client = createKinesisClient({ endpoint });
  const suffix = `${Date.now()}-${process.pid}`;
  const raw = `it-raw-${suffix}`;
  const normalized = `it-normalized-${suffix}`;
  await Promise.all([ensureStream(client, { streamName: raw, shardCount: 2 }), ensureStream(client, { streamName: normalized, shardCount: 1 })]);
  const deadLetters = mkdtempSync(path.join(tmpdir(), 'logwarden-dlq-'));
  Object.assign(process.env, { LOGWARDEN_RAW_STREAM: raw, LOGWARDEN_NORMALIZED_STREAM: normalized, LOGWARDEN_DLQ_DIR: deadLetters, POWERTOOLS_METRICS_DISABLED: 'true' });
  let forward: Pipeline['forward'] | undefined;
  let normalize: Pipeline['normalize'] | undefined;
  // Handlers read their environment at cold start: load fresh copies after setting it.
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- isolateModules needs synchronous loading */
    forward = (require('../../functions/forward/handler') as { handler: Pipeline['forward'] }).handler;
    normalize = (require('../../functions/normalize/handler') as { handler: Pipeline['normalize'] }).handler;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  if (forward === undefined || normalize === undefined) throw new Error('handlers did not load');
  return { client, raw, normalized, deadLetters, forward, normalize };
}

/** Delivers a stream's records to a handler the way the event source mapping does: per shard, in batches. */
async function deliver(p: Pipeline, records: readonly StreamRecord[], batchSize: number): Promise<BatchResponse[]> {
  const responses: BatchResponse[] = [];
  const shards = [...new Set(records.map((r) => r.shardId))];
  for (const shard of shards) {
    const own = records.filter((r) => r.shardId === shard);
    for (let i = 0; i < own.length; i += batchSize) {
      const event = kinesisEventFrom(own.slice(i, i + batchSize), { streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/${p.raw}`, region: 'us-east-1', invokeIdentityArn: 'arn:aws:iam::000000000000:role/normalize' });
      responses.push(await p.normalize(event, { getRemainingTimeInMillis: () => 60_000 }));
    }
  }
  return responses;
}

async function normalizedEvents(p: Pipeline): Promise<NormalizedEvent[]> {
  const records = await readAllRecords(p.client, p.normalized, { timeoutMs: 60_000 });
  return records.map((r) => {
    const decoded = decodeNormalizedEvent(r.data);
    if (!decoded.ok) throw new Error(decoded.error);
    return decoded.event;
  });
}

describe('integration: forward → raw → normalize → normalized on kinesis-local', () => {
  let p: Pipeline;
  let events: NormalizedEvent[];

  beforeAll(async () => {
    p = await pipeline();
    for (const payload of PAYLOADS) await p.forward(subscriptionEvent(payload));
    await p.forward(subscriptionEvent(CONTROL_PAYLOAD));
    const raw = await readAllRecords(p.client, p.raw, { timeoutMs: 60_000 });
    expect(raw).toHaveLength(LOG_EVENTS.length);
    const responses = await deliver(p, raw, 5);
    expect(responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    events = await normalizedEvents(p);
  });

  it('yields exactly one normalized event per log event, and none for the control message', () => {
    expect(events).toHaveLength(LOG_EVENTS.length);
    const seen = events.map((e) => `${e.aws.cloudwatch.log_group}|${e.aws.cloudwatch.log_stream}|${e.aws.cloudwatch.event_id}`).sort();
    expect(seen).toEqual(LOG_EVENTS.map((l) => `${l.group}|${l.stream}|${l.id}`).sort());
    expect(new Set(events.map((e) => e.event.id)).size).toBe(LOG_EVENTS.length);
  });

  it('keeps the order of each log stream', () => {
    const stream = events.filter((e) => e.aws.cloudwatch.log_stream === '2025/11/28/[$LATEST]aaaa').map((e) => e.aws.cloudwatch.event_id);
    expect(stream).toEqual(PAYLOADS[0]?.logEvents.map((e) => e.id));
  });

  it('parses each source with its own format', () => {
    const byMessage = (text: string): NormalizedEvent => {
      const found = events.find((e) => e.message.includes(text));
      if (found === undefined) throw new Error(`no event with ${text}`);
      return found;
    };
    expect(byMessage('Status: timeout')).toMatchObject({ logwarden: { source: 'lambda', parser: 'lambda-platform' }, aws: { lambda: { status: 'timeout', memory_size_mb: 512 } }, faas: { name: 'orders-api', execution: REQUEST, coldstart: true } });
    expect(byMessage('Invoke Error')).toMatchObject({ error: { type: 'TypeError' }, event: { outcome: 'failure' } });
    expect(byMessage('Task timed out')).toMatchObject({ event: { action: 'timeout' } });
    expect(byMessage('queue is slow')).toMatchObject({ logwarden: { source: 'application' }, log: { level: 'WARN' } });
    const trail = events.filter((e) => e.logwarden.source === 'cloudtrail');
    expect(trail.map((e) => e.event.action).sort()).toEqual(['DeleteSubscriptionFilter', 'PutRetentionPolicy']);
    expect(trail[0]).toMatchObject({ aws: { cloudtrail: { eventSource: 'logs.amazonaws.com', userIdentity: { type: 'AssumedRole' } } }, source: { ip: '198.51.100.23' } });
  });

  it('treats a CloudTrail record printed by a function as that function’s log', () => {
    const printed = events.find((e) => e.aws.cloudwatch.log_group === '/aws/lambda/orders-api' && e.message.includes('DeleteSubscriptionFilter'));
    expect(printed?.logwarden.source).toBe('lambda');
    expect(printed).not.toHaveProperty('aws.cloudtrail');
  });

  it('gives flow log lines without traffic no addresses, and flags injected API Gateway keys', () => {
    const nodata = events.find((e) => e.message.endsWith('NODATA'));
    expect(nodata).not.toHaveProperty('source');
    expect(nodata).toMatchObject({ aws: { vpcflow: { log_status: 'NODATA' } } });
    expect(events.find((e) => e.message.includes('"z":""'))?.logwarden.duplicate_keys).toEqual(['status']);
  });

  it('is idempotent: delivering the raw records again reproduces the same events', async () => {
    const raw = await readAllRecords(p.client, p.raw, { timeoutMs: 60_000 });
    await deliver(p, raw, 7);
    const again = await normalizedEvents(p);
    expect(again).toHaveLength(LOG_EVENTS.length * 2);
    const byId = new Map(events.map((e) => [e.event.id, JSON.stringify(e)]));
    for (const e of again) expect(JSON.stringify(e)).toBe(byId.get(e.event.id));
  });

  it('dead-letters undecodable raw records with the reason and carries on', async () => {
    const garbage = await putRecords(p.client, p.raw, [
      { data: Buffer.from('{"not":"a log record"}'), partitionKey: 'x' },
      { data: gzipSync(Buffer.alloc(32 * 1024 * 1024)), partitionKey: 'x' },
    ]);
    const written = garbage.results.flatMap((r) => (r.status === 'written' ? [r] : []));
    const records = (await readAllRecords(p.client, p.raw, { timeoutMs: 60_000 })).filter((r) => written.some((w) => w.sequenceNumber === r.sequenceNumber));
    const responses = await deliver(p, records, 10);
    expect(responses.flatMap((r) => r.batchItemFailures)).toEqual([]);
    const { letters } = await new FileDeadLetterSink(p.deadLetters).read('normalize');
    expect(letters.map((l) => [l.reason, l.source?.sequenceNumber])).toEqual(records.map((r) => ['undecodable-record', r.sequenceNumber]));
    expect(letters[1]?.error).toMatch(/inflates beyond/);
  });

  it('redrives dead letters back into the raw stream with `logwarden dlq redrive`', async () => {
    const before = await readAllRecords(p.client, p.raw, { timeoutMs: 60_000 });
    const result = await run(['dlq', 'redrive', '--stage', 'normalize', '--dir', p.deadLetters]);
    expect(result.stdout).toMatch(/2 of 2 dead letter\(s\) redriven/);
    expect(result.code).toBe(0);
    const after = await readAllRecords(p.client, p.raw, { timeoutMs: 60_000 });
    expect(after.length - before.length).toBe(2);
    expect((await new FileDeadLetterSink(p.deadLetters).read('normalize')).letters).toEqual([]);
  });
});
