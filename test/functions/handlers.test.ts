import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KinesisClient, KinesisClientResolvedConfig, PutRecordsCommand, PutRecordsCommandInput, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-kinesis';
import type { AwsStub, mockClient } from 'aws-sdk-client-mock';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { FileDeadLetterSink } from '../../src/dead-letters/file-sink';
import { decodeNormalizedEvent } from '../../src/normalize/normalized-record';
import { kinesisRecord, subscriptionEvent, subscriptionPayload } from '../factories/kinesis-events';

type Forward = (event: unknown) => Promise<unknown>;
type Normalize = (event: unknown, context: { getRemainingTimeInMillis(): number }) => Promise<BatchResponse>;

type KinesisMock = AwsStub<ServiceInputTypes, ServiceOutputTypes, KinesisClientResolvedConfig>;
let kinesis: KinesisMock;
let putRecordsCommand: typeof PutRecordsCommand;

/**
 * Loads a handler fresh (they read the environment at cold start), with EMF metrics on, and
 * stubs the Kinesis client of that fresh module registry (the stub must patch the same SDK copy).
 */
function load<T>(file: 'forward' | 'normalize', dlqDir: string, stub: (mock: KinesisMock, command: typeof PutRecordsCommand) => void = acceptAll): T {
  Object.assign(process.env, { LOGWARDEN_DLQ_DIR: dlqDir, POWERTOOLS_METRICS_DISABLED: 'false', KINESIS_ENDPOINT: 'http://127.0.0.1:1', LOGWARDEN_RAW_STREAM: 'raw-s', LOGWARDEN_NORMALIZED_STREAM: 'normalized-s' });
  let handler: T | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- isolateModules needs synchronous loading */
    const sdk = require('@aws-sdk/client-kinesis') as { KinesisClient: typeof KinesisClient; PutRecordsCommand: typeof PutRecordsCommand };
    const mocking = require('aws-sdk-client-mock') as { mockClient: typeof mockClient };
    kinesis = mocking.mockClient(sdk.KinesisClient);
    putRecordsCommand = sdk.PutRecordsCommand;
    stub(kinesis, sdk.PutRecordsCommand);
    handler = (require(`../../functions/${file}/handler`) as { handler: T }).handler;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return handler as T;
}

/** EMF lines the handler printed during `fn`: metric name → value. */
async function metricsDuring(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  const metrics: Record<string, number> = {};
  for (const line of lines.flatMap((l) => l.split('\n')).filter((l) => l.includes('"_aws"'))) {
    const emf = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
    for (const m of emf._aws.CloudWatchMetrics[0]?.Metrics ?? []) metrics[m.Name] = emf[m.Name] as number;
  }
  return metrics;
}

function acceptAll(mock: KinesisMock, command: typeof PutRecordsCommand): void {
  mock.on(command).callsFake((input: PutRecordsCommandInput) => ({
    FailedRecordCount: 0,
    Records: (input.Records ?? []).map((_, i) => ({ SequenceNumber: `4959${i}`, ShardId: 'shardId-000000000000' })),
  }));
}

afterAll(() => {
  process.env['POWERTOOLS_METRICS_DISABLED'] = 'true';
});

describe('functions: forward handler', () => {
  it('writes the log events to the raw stream and publishes how many', async () => {
    const handler = load<Forward>('forward', mkdtempSync(path.join(tmpdir(), 'dlq-')));
    const metrics = await metricsDuring(() => handler(subscriptionEvent(subscriptionPayload({}, ['a\n', 'b\n', 'c\n']))));
    const calls = kinesis.commandCalls(putRecordsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.StreamName).toBe('raw-s');
    expect(calls[0]?.args[0].input.Records?.map((r) => JSON.parse(Buffer.from(r.Data ?? []).toString()).message)).toEqual(['a\n', 'b\n', 'c\n']);
    expect(metrics).toMatchObject({ ForwardedLogEvents: 3, RawRecordsWritten: 3 });
  });

  it('counts a dead-lettered payload in a metric and stores it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dlq-'));
    const handler = load<Forward>('forward', dir);
    const metrics = await metricsDuring(() => handler({ awslogs: { data: 'bm90IGd6aXA=' } }));
    expect(metrics).toEqual({ DeadLetteredPayloads: 1 });
    expect((await new FileDeadLetterSink(dir).read('forward')).letters).toHaveLength(1);
    expect(kinesis.commandCalls(putRecordsCommand)).toHaveLength(0);
  });
});

describe('functions: normalize handler', () => {
  const good = (message: string) => kinesisRecord(JSON.stringify({ v: 1, owner: '111122223333', logGroup: '/aws/lambda/app', logStream: 's', subscriptionFilters: [], id: message, timestamp: 1764353011123, message }));
  const context = { getRemainingTimeInMillis: () => 60_000 };

  it('normalizes a batch, dead-letters what cannot be decoded, and publishes the counts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dlq-'));
    const handler = load<Normalize>('normalize', dir);
    let response: BatchResponse | undefined;
    const metrics = await metricsDuring(async () => {
      response = await handler({ Records: [good('one'), kinesisRecord('\u0000garbage'), good('two')] }, context);
    });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(metrics).toMatchObject({ RecordsProcessed: 3, EventsNormalized: 2, DeadLetteredRecords: 1 });
    const written = kinesis.commandCalls(putRecordsCommand)[0]?.args[0].input;
    expect(written?.StreamName).toBe('normalized-s');
    expect(written?.Records?.map((r) => {
      const decoded = decodeNormalizedEvent(r.Data ?? new Uint8Array());
      return decoded.ok ? decoded.event.message : decoded.error;
    })).toEqual(['one', 'two']);
    expect((await new FileDeadLetterSink(dir).read('normalize')).letters.map((l) => l.reason)).toEqual(['undecodable-record']);
  });

  it('reports the record whose event could not be written, and everything after it, for redelivery', async () => {
    const failTwo = (mock: KinesisMock, command: typeof PutRecordsCommand): void => {
      mock.on(command).callsFake((input: PutRecordsCommandInput) => ({
        FailedRecordCount: 1,
        Records: (input.Records ?? []).map((r, i) => (JSON.parse(Buffer.from(r.Data ?? []).toString()).message === 'two' ? { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'slow down' } : { SequenceNumber: `4959${i}`, ShardId: 'shardId-000000000000' })),
      }));
    };
    const handler = load<Normalize>('normalize', mkdtempSync(path.join(tmpdir(), 'dlq-')), failTwo);
    const batch = [good('one'), good('two'), good('three')];
    let response: BatchResponse | undefined;
    const metrics = await metricsDuring(async () => {
      response = await handler({ Records: batch }, context);
    });
    expect(response?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([batch[1]?.kinesis.sequenceNumber, batch[2]?.kinesis.sequenceNumber]);
    expect(metrics).toMatchObject({ RecordsRetried: 2 });
    expect(kinesis.commandCalls(putRecordsCommand).length).toBeGreaterThan(1); // the failed entry was retried before giving up
  }, 30_000);

  it('refuses an event that is not a Kinesis batch', async () => {
    const handler = load<Normalize>('normalize', mkdtempSync(path.join(tmpdir(), 'dlq-')));
    await expect(handler({ hello: 'world' }, context)).rejects.toThrow(/normalize expects a Kinesis event/);
  });
});
