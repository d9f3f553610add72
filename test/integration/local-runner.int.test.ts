import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteStreamCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { KinesisEvent } from '../../src/batch/kinesis-event';
import { FileDeadLetterSink } from '../../src/dead-letters/file-sink';
import { createKinesisClient } from '../../src/kinesis/client';
import { ensureStream } from '../../src/kinesis/ensure-stream';
import { putRecords } from '../../src/kinesis/put-records';
import type { WrittenEntry } from '../../src/kinesis/put-records-result';
import { lastSequenceNumbers } from '../../src/kinesis/read-stream';
import { compareSequenceNumbers } from '../../src/kinesis/sequence-number';
import { deadLetterDestination, RETRY_ATTEMPTS_EXHAUSTED } from '../../src/local-runner/dead-letter-on-failure';
import { createEventSourceMapping } from '../../src/local-runner/event-source-mapping';
import type { EventSourceMappingOptions } from '../../src/local-runner/event-source-mapping';
import { fileCheckpointStore } from '../../src/local-runner/file-checkpoint-store';

jest.setTimeout(120_000);

interface Delivery {
  readonly payload: string;
  readonly position: string;
}

let client: KinesisClient;
const streams: string[] = [];

beforeAll(() => {
  const endpoint = process.env.KINESIS_ENDPOINT;
  if (endpoint === undefined || endpoint === '') throw new Error('KINESIS_ENDPOINT is not set: the integration global setup did not run');
  client = createKinesisClient({ endpoint });
});

afterAll(async () => {
  await Promise.all(streams.map((name) => client.send(new DeleteStreamCommand({ StreamName: name, EnforceConsumerDeletion: true })).catch(() => undefined)));
  client.destroy();
});

async function freshStream(label: string, shardCount: number): Promise<string> {
  const streamName = `it-runner-${label}-${Date.now().toString(36)}-${process.pid}`;
  streams.push(streamName);
  await ensureStream(client, { streamName, shardCount });
  return streamName;
}

/** Puts `payloads` in order, all under one partition key unless keys are given; returns where each landed. */
async function put(streamName: string, payloads: readonly string[], keyOf: (i: number) => string = () => 'one-key'): Promise<WrittenEntry[]> {
  const result = await putRecords(client, streamName, payloads.map((p, i) => ({ data: Buffer.from(p), partitionKey: keyOf(i) })));
  const written = result.results.filter((r): r is WrittenEntry => r.status === 'written');
  expect(written).toHaveLength(payloads.length);
  return written;
}

/** A handler that records every record it is given, answering with `answer` per batch. */
function recordingHandler(answer: (payloads: string[], event: KinesisEvent) => unknown = () => ({ batchItemFailures: [] })) {
  const batches: Delivery[][] = [];
  const handler = async (event: KinesisEvent): Promise<unknown> => {
    const batch = event.Records.map((r) => ({ payload: Buffer.from(r.kinesis.data, 'base64').toString('utf8'), position: r.eventID }));
    batches.push(batch);
    return answer(
      batch.map((d) => d.payload),
      event,
    );
  };
  return { batches, handler };
}

function reportFailed(payloads: readonly string[]) {
  return (seen: string[], event: KinesisEvent) => ({ batchItemFailures: event.Records.filter((_, i) => payloads.includes(seen[i] ?? '')).map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber })) });
}

function mappingFor(streamName: string, checkpointFile: string, options: Pick<EventSourceMappingOptions, 'handler'> & Partial<EventSourceMappingOptions>) {
  return createEventSourceMapping({
    kinesis: client,
    streamName,
    checkpointStore: fileCheckpointStore(checkpointFile, streamName),
    onFailure: () => {
      throw new Error('no record should be given up on here');
    },
    batchSize: 10,
    batchingWindowMs: 20,
    pollIntervalMs: 50,
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 50,
    ...options,
  });
}

const workDir = (): string => mkdtempSync(path.join(tmpdir(), 'logwarden-runner-'));
const range = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
const checkpointsIn = (file: string): Record<string, string> => (JSON.parse(readFileSync(file, 'utf8')) as { shards: Record<string, string> }).shards;

describe('local runner on kinesis-local: Lambda event source mapping semantics', () => {
  it('redelivers a record the function reported failed, and everything after it, but nothing before it', async () => {
    const streamName = await freshStream('partial', 1);
    const payloads = range('r', 10);
    const written = await put(streamName, payloads);
    let first = true;
    const { batches, handler } = recordingHandler((seen, event) => {
      if (!first) return { batchItemFailures: [] };
      first = false;
      return reportFailed(['r-4'])(seen, event);
    });
    const checkpointFile = path.join(workDir(), 'checkpoints.json');
    await mappingFor(streamName, checkpointFile, { handler }).drain();

    expect(batches.map((b) => b.map((d) => d.payload))).toEqual([payloads, payloads.slice(4)]);
    const deliveries = batches.flat();
    for (const p of payloads.slice(0, 4)) expect(deliveries.filter((d) => d.payload === p)).toHaveLength(1);
    for (const p of payloads.slice(4)) expect(deliveries.filter((d) => d.payload === p)).toHaveLength(2);
    expect(checkpointsIn(checkpointFile)).toEqual(lastSequenceNumbers(written));
  });

  it('sends a record that always fails to the dead letters after the configured attempts, and carries on after it', async () => {
    const streamName = await freshStream('poison', 1);
    const payloads = [...range('r', 2), 'poison', ...range('r', 12).slice(3)];
    const written = await put(streamName, payloads);
    const { batches, handler } = recordingHandler(reportFailed(['poison']));
    const sink = new FileDeadLetterSink(path.join(workDir(), 'dead-letters'));
    const checkpointFile = path.join(workDir(), 'checkpoints.json');
    const mapping = mappingFor(streamName, checkpointFile, { handler, batchSize: 5, maximumRetryAttempts: 2, onFailure: deadLetterDestination(sink, 'normalize') });

    await expect(mapping.drain()).resolves.toMatchObject({ recordsGivenUp: 3, recordsSucceeded: 9 });

    // Batch [r-0 r-1 poison r-3 r-4]: r-0 and r-1 are done; [poison r-3 r-4] is tried twice more, then given up.
    expect(batches.filter((b) => b.some((d) => d.payload === 'poison'))).toHaveLength(3);
    const { letters } = await sink.read('normalize');
    expect(letters.map((l) => Buffer.from(l.payload.base64, 'base64').toString())).toEqual(['poison', 'r-3', 'r-4']);
    expect(letters.map((l) => l.source?.sequenceNumber)).toEqual(written.slice(2, 5).map((w) => w.sequenceNumber));
    for (const letter of letters) expect(letter).toMatchObject({ stage: 'normalize', reason: RETRY_ATTEMPTS_EXHAUSTED, error: expect.stringContaining('after 3 attempt(s)') });
    // Processing went on past the given-up records, each later record once.
    expect(batches.slice(3).flat().map((d) => d.payload)).toEqual(payloads.slice(5));
    expect(checkpointsIn(checkpointFile)).toEqual(lastSequenceNumbers(written));
  });

  it('resumes after a restart from the checkpoints: every record exactly once across both runs, including those put while stopped', async () => {
    const streamName = await freshStream('restart', 2);
    const checkpointFile = path.join(workDir(), 'checkpoints.json');
    const keyOf = (i: number): string => `key-${i % 5}`;
    const before = await put(streamName, range('before', 40), keyOf);

    // First run: once 10 records are in, an invocation is still running when stop() is called.
    let stopCalled: () => void = () => undefined;
    const stopping = new Promise<void>((resolve) => (stopCalled = resolve));
    const firstRun = recordingHandler(async () => {
      if (firstRun.batches.flat().length >= 10) await stopping;
      return { batchItemFailures: [] };
    });
    const first = mappingFor(streamName, checkpointFile, { handler: firstRun.handler, batchSize: 5 });
    await first.start();
    await waitFor(() => firstRun.batches.flat().length >= 10, 30_000);
    const stopped = first.stop();
    stopCalled();
    await stopped;
    const deliveredFirst = firstRun.batches.flat();
    expect(deliveredFirst.length).toBeLessThan(before.length);

    const whileStopped = await put(streamName, range('stopped', 15), keyOf);

    // Second run: a new mapping object on the same checkpoint file.
    const secondRun = recordingHandler();
    const second = mappingFor(streamName, checkpointFile, { handler: secondRun.handler });
    await second.drain();
    const deliveredSecond = secondRun.batches.flat();

    const all = [...before, ...whileStopped];
    const expected = all.map((w) => `${w.shardId}:${w.sequenceNumber}`).sort();
    const delivered = [...deliveredFirst, ...deliveredSecond].map((d) => d.position).sort();
    expect(delivered).toEqual(expected); // no duplicates, no gaps
    expect(deliveredSecond.map((d) => d.payload)).toEqual(expect.arrayContaining(range('stopped', 15)));
    expect(checkpointsIn(checkpointFile)).toEqual(lastSequenceNumbers(all));
    // Each shard was delivered in sequence order across the two runs.
    for (const shardId of new Set(all.map((w) => w.shardId))) {
      const order = [...deliveredFirst, ...deliveredSecond].map((d) => d.position).filter((p) => p.startsWith(`${shardId}:`));
      const inSequence = all.filter((w) => w.shardId === shardId).sort((a, b) => compareSequenceNumbers(a.sequenceNumber, b.sequenceNumber));
      expect(order).toEqual(inSequence.map((w) => `${w.shardId}:${w.sequenceNumber}`));
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
