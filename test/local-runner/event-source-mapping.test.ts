import type { Context } from 'aws-lambda';
import type { handler as detectHandler } from '../../functions/detect/handler';
import type { handler as normalizeHandler } from '../../functions/normalize/handler';
import type { KinesisEvent } from '../../src/batch/kinesis-event';
import { memoryCheckpointStore } from '../../src/local-runner/checkpoint-store';
import { createEventSourceMapping } from '../../src/local-runner/event-source-mapping';
import type { EventSourceMappingOptions } from '../../src/local-runner/event-source-mapping';
import type { KinesisBatchHandler } from '../../src/local-runner/invoke-handler';
import type { OnFailureRecord } from '../../src/local-runner/on-failure-record';
import type { MappingProgress } from '../../src/local-runner/progress';
import { fakeKinesisStream } from './fake-kinesis';
import type { FakeStream } from './fake-kinesis';

const SHARD_0 = 'shardId-000000000000';
const SHARD_1 = 'shardId-000000000001';

const dataOf = (event: KinesisEvent): string[] => event.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString('utf8'));

/** A handler that records what it was given and answers with `answer(batch data)`. */
function recorder(answer: (data: string[], event: KinesisEvent) => unknown = () => undefined) {
  const batches: string[][] = [];
  const contexts: Context[] = [];
  const handler = async (event: KinesisEvent, context: Context): Promise<unknown> => {
    batches.push(dataOf(event));
    contexts.push(context);
    return answer(dataOf(event), event);
  };
  return { batches, contexts, handler };
}

/** Reports the record with this payload as failed, wherever it is in the batch. */
const failing = (payloads: readonly string[]) => (data: string[], event: KinesisEvent) => ({
  batchItemFailures: event.Records.filter((_, i) => payloads.includes(data[i] ?? '')).map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber })),
});

function mappingOf(stream: FakeStream, handler: EventSourceMappingOptions['handler'], extra: Partial<EventSourceMappingOptions> = {}) {
  const failures: OnFailureRecord[] = [];
  const progress: MappingProgress[] = [];
  const checkpoints = memoryCheckpointStore();
  const mapping = createEventSourceMapping({
    kinesis: stream.client,
    streamName: 'logwarden-raw',
    handler,
    checkpointStore: checkpoints,
    onFailure: (f) => {
      failures.push(f);
    },
    onProgress: (p) => progress.push(p),
    batchSize: 10,
    pollIntervalMs: 5,
    retryBaseDelayMs: 0,
    random: () => 0,
    ...extra,
  });
  return { mapping, failures, progress, checkpoints };
}

function putMany(stream: FakeStream, shardId: string, payloads: readonly string[]): string[] {
  return payloads.map((p) => stream.put(shardId, p));
}

// Compile-time: the pipeline's stream handlers plug into a mapping as they are (checked by `npm run typecheck`).
const pipelineHandlersFit: [KinesisBatchHandler, KinesisBatchHandler] = [] as unknown as [typeof normalizeHandler, typeof detectHandler];
void pipelineHandlersFit;

const range = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('local runner: event source mapping over a stubbed Kinesis', () => {
  it('delivers records in the exact shape of a Lambda Kinesis event, with a Lambda context', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const sequenceNumber = stream.put(SHARD_0, 'hello', 'orders-api');
    const events: KinesisEvent[] = [];
    const { handler, contexts } = recorder((_data, event) => {
      events.push(event);
    });
    const { mapping } = mappingOf(stream, handler, { functionName: 'logwarden-normalize', timeoutMs: 30_000 });
    await mapping.drain();
    expect(events).toEqual([
      {
        Records: [
          {
            kinesis: { kinesisSchemaVersion: '1.0', partitionKey: 'orders-api', sequenceNumber, data: Buffer.from('hello').toString('base64'), approximateArrivalTimestamp: 1764353011.123 },
            eventSource: 'aws:kinesis',
            eventVersion: '1.0',
            eventID: `${SHARD_0}:${sequenceNumber}`,
            eventName: 'aws:kinesis:record',
            invokeIdentityArn: 'arn:aws:iam::111122223333:role/logwarden-normalize-role',
            awsRegion: 'eu-west-1',
            eventSourceARN: stream.streamArn,
          },
        ],
      },
    ]);
    expect(contexts[0]).toMatchObject({ functionName: 'logwarden-normalize', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:logwarden-normalize', awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(contexts[0]?.getRemainingTimeInMillis()).toBeGreaterThan(29_000);
    expect(contexts[0]?.getRemainingTimeInMillis()).toBeLessThanOrEqual(30_000);
  });

  it('cuts batches at batchSize, in sequence order, and checkpoints the end of each', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const sequences = putMany(stream, SHARD_0, range('r', 25));
    const { handler, batches } = recorder();
    const { mapping, checkpoints, progress } = mappingOf(stream, handler);
    await expect(mapping.drain()).resolves.toEqual({ invocations: 3, recordsSucceeded: 25, failedInvocations: 0, recordsGivenUp: 0 });
    expect(batches).toEqual([range('r', 25).slice(0, 10), range('r', 25).slice(10, 20), range('r', 25).slice(20)]);
    expect(progress.filter((p) => p.type === 'checkpointed').map((p) => p.type === 'checkpointed' && p.sequenceNumber)).toEqual([sequences[9], sequences[19], sequences[24]]);
    expect(checkpoints.checkpoints).toEqual({ [SHARD_0]: sequences[24] });
  });

  it('keeps each shard in order and runs shards side by side', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }, { shardId: SHARD_1 }]);
    putMany(stream, SHARD_0, range('a', 12));
    putMany(stream, SHARD_1, range('b', 7));
    const { handler, batches } = recorder();
    await mappingOf(stream, handler).mapping.drain();
    expect(batches.flat().filter((d) => d.startsWith('a'))).toEqual(range('a', 12));
    expect(batches.flat().filter((d) => d.startsWith('b'))).toEqual(range('b', 7));
    expect(batches.every((b) => b.every((d) => d[0] === b[0]?.[0]))).toBe(true);
  });

  it('redelivers from the lowest failed record, never the ones before it, and checkpoints before it', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const sequences = putMany(stream, SHARD_0, range('r', 6));
    let calls = 0;
    const { handler, batches } = recorder((data, event) => (++calls === 1 ? failing(['r4', 'r2'])(data, event) : undefined));
    const { mapping, progress } = mappingOf(stream, handler);
    await mapping.drain();
    expect(batches).toEqual([range('r', 6), ['r2', 'r3', 'r4', 'r5']]);
    expect(progress.filter((p) => p.type === 'checkpointed').map((p) => p.type === 'checkpointed' && p.sequenceNumber)).toEqual([sequences[1], sequences[5]]);
    expect(progress.find((p) => p.type === 'invoked' && p.outcome === 'failure')).toMatchObject({ failedSequenceNumber: sequences[2], attempt: 1 });
  });

  it('redelivers the whole batch when the function throws, until it succeeds', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    putMany(stream, SHARD_0, range('r', 3));
    let calls = 0;
    const { handler, batches } = recorder(() => {
      if (++calls < 3) throw new Error('OpenSearch is down');
    });
    const { mapping, progress } = mappingOf(stream, handler, { maximumRetryAttempts: 5 });
    await expect(mapping.drain()).resolves.toMatchObject({ invocations: 3, failedInvocations: 2, recordsSucceeded: 3, recordsGivenUp: 0 });
    expect(batches).toEqual([range('r', 3), range('r', 3), range('r', 3)]);
    expect(progress.filter((p) => p.type === 'retrying').map((p) => p.type === 'retrying' && p.retry)).toEqual([1, 2]);
  });

  it('gives up on a record that always fails after 1 + maximumRetryAttempts deliveries, sends it and the rest of its batch to onFailure, and goes on', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const sequences = putMany(stream, SHARD_0, ['r0', 'r1', 'poison', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11']);
    const { handler, batches } = recorder(failing(['poison']));
    const { mapping, failures, checkpoints } = mappingOf(stream, handler, { maximumRetryAttempts: 2 });
    await expect(mapping.drain()).resolves.toMatchObject({ recordsGivenUp: 8, recordsSucceeded: 4 });
    expect(batches.filter((b) => b.includes('poison'))).toHaveLength(3);
    expect(batches.at(-1)).toEqual(['r10', 'r11']);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      KinesisBatchInfo: { shardId: SHARD_0, startSequenceNumber: sequences[2], endSequenceNumber: sequences[9], batchSize: 8, streamArn: stream.streamArn },
      error: expect.stringContaining('reported 1 failed record'),
    });
    expect(failures[0]?.responseContext).not.toHaveProperty('functionError');
    expect(failures[0]?.records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString())).toEqual(['poison', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
    expect(checkpoints.checkpoints[SHARD_0]).toBe(sequences[11]);
  });

  it('gives up at once with maximumRetryAttempts 0', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    putMany(stream, SHARD_0, range('r', 3));
    const { handler, batches } = recorder(() => Promise.reject(new Error('nope')));
    const { mapping, failures } = mappingOf(stream, handler, { maximumRetryAttempts: 0 });
    await mapping.drain();
    expect(batches).toHaveLength(1);
    expect(failures[0]).toMatchObject({ requestContext: { approximateInvokeCount: 1 }, responseContext: { functionError: 'Unhandled' }, error: 'the function threw: Error: nope' });
  });

  it('keeps the records and fails the drain when the on-failure destination cannot take them', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    putMany(stream, SHARD_0, range('r', 2));
    const { handler } = recorder(() => Promise.reject(new Error('nope')));
    const { mapping, checkpoints } = mappingOf(stream, handler, {
      maximumRetryAttempts: 0,
      onFailure: () => Promise.reject(new Error('queue unreachable')),
    });
    await expect(mapping.drain()).rejects.toThrow('queue unreachable');
    expect(checkpoints.checkpoints).toEqual({});
  });

  it('counts an invocation that outruns the function timeout as failed', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    putMany(stream, SHARD_0, ['slow']);
    const { handler } = recorder(() => new Promise((resolve) => setTimeout(resolve, 60)));
    const { mapping, failures } = mappingOf(stream, handler, { maximumRetryAttempts: 0, timeoutMs: 20 });
    await mapping.drain();
    expect(failures[0]?.error).toBe('Task timed out after 0.02 seconds');
  });

  it('waits out the batching window to fill a batch', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const { handler, batches } = recorder();
    const { mapping } = mappingOf(stream, handler, { batchingWindowMs: 1_000 });
    putMany(stream, SHARD_0, range('a', 3));
    await mapping.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    putMany(stream, SHARD_0, range('b', 2));
    expect(batches).toEqual([]);
    await waitFor(() => batches.length > 0, 3_000);
    await mapping.stop();
    expect(batches).toEqual([[...range('a', 3), ...range('b', 2)]]);
  });

  it('invokes without waiting for the window once batchSize records are there', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    putMany(stream, SHARD_0, range('r', 10));
    const { handler, batches } = recorder();
    const { mapping } = mappingOf(stream, handler, { batchingWindowMs: 60_000 });
    await mapping.start();
    await waitFor(() => batches.length > 0, 3_000);
    await mapping.stop();
    expect(batches).toEqual([range('r', 10)]);
  });

  it('stops gracefully: the invocation in flight finishes and is checkpointed, nothing new starts', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const sequences = putMany(stream, SHARD_0, range('r', 20));
    let release: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (release = resolve));
    const { handler, batches } = recorder(() => inFlight);
    const { mapping, checkpoints } = mappingOf(stream, handler);
    await mapping.start();
    await waitFor(() => batches.length === 1, 3_000);
    let stopped = false;
    const stopping = mapping.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(batches).toHaveLength(1);
    expect(checkpoints.checkpoints).toEqual({ [SHARD_0]: sequences[9] });
  });

  it('stops a mapping asked to stop while it is still starting', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    putMany(stream, SHARD_0, range('r', 3));
    const { handler, batches } = recorder();
    const { mapping } = mappingOf(stream, handler);
    const starting = mapping.start();
    await mapping.stop();
    await starting;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches).toEqual([]);
  });

  it('refuses to start twice, and to drain while running', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const { mapping } = mappingOf(stream, recorder().handler);
    await mapping.start();
    await expect(mapping.start()).rejects.toThrow(/already running/);
    await expect(mapping.drain()).rejects.toThrow(/already running/);
    await mapping.stop();
    await expect(mapping.drain()).resolves.toMatchObject({ invocations: 0 });
  });

  it('resumes after the checkpoint of a previous run', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    const sequences = putMany(stream, SHARD_0, range('r', 5));
    const { handler, batches } = recorder();
    const mapping = createEventSourceMapping({ kinesis: stream.client, streamName: 'logwarden-raw', handler, onFailure: () => undefined, checkpointStore: memoryCheckpointStore({ [SHARD_0]: sequences[2] ?? '' }) });
    await mapping.drain();
    expect(batches).toEqual([['r3', 'r4']]);
  });

  it('reads a parent shard to its end before its child (per-key order across resharding)', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }, { shardId: SHARD_1, parentShardId: SHARD_0 }]);
    putMany(stream, SHARD_0, range('parent', 15));
    stream.close(SHARD_0);
    putMany(stream, SHARD_1, range('child', 3));
    const { handler, batches } = recorder();
    const { mapping, progress } = mappingOf(stream, handler);
    await mapping.drain();
    expect(batches.flat()).toEqual([...range('parent', 15), ...range('child', 3)]);
    expect(progress).toContainEqual({ type: 'shard-ended', shardId: SHARD_0 });
  });

  it('delivers one batch per shard with pollOnce, and nothing when there is nothing new', async () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }, { shardId: SHARD_1 }]);
    putMany(stream, SHARD_0, range('a', 15));
    putMany(stream, SHARD_1, range('b', 2));
    const { handler, batches } = recorder();
    const { mapping } = mappingOf(stream, handler);
    await expect(mapping.pollOnce()).resolves.toMatchObject({ invocations: 2, recordsSucceeded: 12 });
    await expect(mapping.pollOnce()).resolves.toMatchObject({ invocations: 1, recordsSucceeded: 5 });
    await expect(mapping.pollOnce()).resolves.toMatchObject({ invocations: 0 });
    expect(batches.flat().sort()).toEqual([...range('a', 15), ...range('b', 2)].sort());
  });

  it('rejects settings outside Lambda ranges', () => {
    const stream = fakeKinesisStream('logwarden-raw', [{ shardId: SHARD_0 }]);
    expect(() => mappingOf(stream, async () => undefined, { batchSize: 0 })).toThrow(/batchSize/);
    expect(() => mappingOf(stream, async () => undefined, { maximumRetryAttempts: -2 })).toThrow(/maximumRetryAttempts/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
