import { KinesisClient, PutRecordsCommand, ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import type { PutRecordsCommandInput } from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';
import { putRecords } from '../../src/kinesis/put-records';
import { PutRecordsError } from '../../src/kinesis/put-records-result';
import type { PutRecordsEntry } from '../../src/kinesis/put-records-result';
import { makeEntry, recordingSleep, requestBytes, respond } from './put-records-fixtures';

const STREAM = 'logwarden-raw';
const MiB = 1024 * 1024;
const kinesis = mockClient(KinesisClient);
const client = new KinesisClient({ region: 'us-east-1' });

function sentInputs(): PutRecordsCommandInput[] {
  return kinesis.commandCalls(PutRecordsCommand).map((call) => call.args[0].input);
}

function caught(promise: Promise<unknown>): Promise<PutRecordsError> {
  return promise.then(
    () => {
      throw new Error('expected putRecords to throw');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(PutRecordsError);
      return error as PutRecordsError;
    },
  );
}

beforeEach(() => kinesis.reset());

describe('kinesis: putRecords request limits (B1, checklist 10)', () => {
  // 1,200 entries: mostly 1-20 KB, every 50th about 900 KB, and one 1.5 MB entry.
  const sizes = Array.from({ length: 1_200 }, (_, i) => (i === 600 ? 1.5 * MiB : i % 50 === 0 ? 900 * 1024 : 1_024 + ((i * 7_919) % 19_456)));
  const entries = sizes.map((size, i) => makeEntry(i, Math.round(size)));

  it('keeps every request within 500 entries and 5 MiB and sends each entry once, in order', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => respond(input));
    const result = await putRecords(client, STREAM, entries, { sleep: recordingSleep().sleep });

    const inputs = sentInputs();
    expect(inputs.length).toBeGreaterThan(3);
    for (const input of inputs) {
      expect(input.StreamName).toBe(STREAM);
      expect(input.Records?.length).toBeLessThanOrEqual(500);
      expect(requestBytes(input)).toBeLessThanOrEqual(5 * MiB);
    }
    // Compare by identity: a deep equality over ~20 MB of bytes would take minutes.
    const indexOfData = new Map(entries.map((e, i) => [e.data, i]));
    const sent = inputs.flatMap((input) => input.Records ?? []);
    expect(sent.map((r) => (r.Data === undefined ? -1 : indexOfData.get(r.Data)))).toEqual(entries.map((_, i) => i).filter((i) => i !== 600));
    expect(sent.map((r) => r.PartitionKey)).toEqual(entries.filter((_, i) => i !== 600).map((e) => e.partitionKey));
    expect(result.writtenCount).toBe(1_199);
    expect(result.requestCount).toBe(inputs.length);
  });

  it('reports a 1.5 MB entry back as rejected instead of sending or dropping it', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => respond(input));
    const result = await putRecords(client, STREAM, entries);

    expect(result.results).toHaveLength(1_200);
    expect(result.results.map((r) => r.index)).toEqual(entries.map((_, i) => i));
    expect(result.rejected).toEqual([expect.objectContaining({ status: 'rejected', index: 600, key: 'event-600', reason: 'record-too-large' })]);
    expect(result.results[600]).toBe(result.rejected[0]);
    const sentSizes = sentInputs().flatMap((input) => (input.Records ?? []).map((r) => r.Data?.byteLength));
    expect(sentSizes).not.toContain(1.5 * MiB);
  });

  it('accepts an entry of exactly 1 MiB including its partition key', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => respond(input));
    const exact: PutRecordsEntry = { data: new Uint8Array(MiB - 2), partitionKey: 'pk' };
    const over: PutRecordsEntry = { data: new Uint8Array(MiB - 1), partitionKey: 'pk' };
    const result = await putRecords(client, STREAM, [exact, over]);
    expect(result.results.map((r) => r.status)).toEqual(['written', 'rejected']);
  });

  it('rejects empty and over-long partition keys without sending them', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => respond(input));
    const result = await putRecords(client, STREAM, [makeEntry(0, 10, ''), makeEntry(1, 10, 'k'.repeat(257)), makeEntry(2, 10, 'é'.repeat(256))]);
    expect(result.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['invalid-partition-key', 'invalid-partition-key', 'written']);
    expect(sentInputs().flatMap((i) => i.Records ?? [])).toHaveLength(1);
  });
});

describe('kinesis: putRecords partial failures (B1, checklist 11-12)', () => {
  const entries = Array.from({ length: 10 }, (_, i) => makeEntry(i, 100));

  it('resends exactly the entries that failed when entries 3 and 7 are throttled', async () => {
    kinesis
      .on(PutRecordsCommand)
      .callsFakeOnce((input: PutRecordsCommandInput) => respond(input, new Set([3, 7])))
      .callsFake((input: PutRecordsCommandInput) => respond(input));
    const { sleep, delays } = recordingSleep();
    const result = await putRecords(client, STREAM, entries, { sleep, random: () => 0.5 });

    const [first, second, ...rest] = sentInputs();
    expect(first?.Records).toHaveLength(10);
    expect(second?.Records).toEqual([
      { Data: entries[3]?.data, PartitionKey: entries[3]?.partitionKey },
      { Data: entries[7]?.data, PartitionKey: entries[7]?.partitionKey },
    ]);
    expect(rest).toHaveLength(0);
    expect(delays).toEqual([50]);
    expect(result.writtenCount).toBe(10);
    expect(result.results.map((r) => (r.status === 'written' ? r.attempts : 0))).toEqual([1, 1, 1, 2, 1, 1, 1, 2, 1, 1]);
  });

  it('backs off exponentially, capped at maxDelayMs, while an entry keeps failing', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => respond(input, new Set([0])));
    const { sleep, delays } = recordingSleep();
    await caught(putRecords(client, STREAM, entries.slice(0, 1), { sleep, random: () => 0.999, maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1_000 }));

    expect(delays).toEqual([99, 199, 399, 799, 999, 999, 999, 999]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
  });

  it('draws each delay uniformly below its exponential ceiling (full jitter)', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => respond(input, new Set([0])));
    const { sleep, delays } = recordingSleep();
    const randoms = [0, 0.25, 0.5, 0.75, 0.1];
    let call = 0;
    await caught(putRecords(client, STREAM, entries.slice(0, 1), { sleep, random: () => randoms[call++] ?? 0, maxAttempts: 6 }));
    expect(delays).toEqual([0, 50, 200, 600, 160]);
  });

  it('throws PutRecordsError naming an entry that fails on every attempt', async () => {
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => {
      const failing = (input.Records ?? []).findIndex((r) => r.Data === entries[4]?.data);
      return respond(input, new Set([failing]));
    });
    const { sleep, delays } = recordingSleep();
    const error = await caught(putRecords(client, STREAM, entries, { sleep }));

    expect(sentInputs()).toHaveLength(6);
    expect(sentInputs().slice(1).map((i) => i.Records?.length)).toEqual([1, 1, 1, 1, 1]);
    expect(delays).toHaveLength(5);
    expect(error.unwritten).toEqual([
      { index: 4, key: 'event-4', partitionKey: entries[4]?.partitionKey, errorCode: 'ProvisionedThroughputExceededException', errorMessage: expect.stringContaining('Rate exceeded') as unknown, attempts: 6 },
    ]);
    expect(error.settled.map((r) => r.index)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    expect(error.message).toContain('entry 4 (event-4): ProvisionedThroughputExceededException after 6 attempt(s)');
  });

  it('retries the whole request after a network error', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    kinesis.on(PutRecordsCommand).rejectsOnce(reset).callsFake((input: PutRecordsCommandInput) => respond(input));
    const { sleep, delays } = recordingSleep();
    const result = await putRecords(client, STREAM, entries, { sleep });

    expect(sentInputs()).toHaveLength(2);
    expect(sentInputs()[1]?.Records).toHaveLength(10);
    expect(delays).toHaveLength(1);
    expect(result.writtenCount).toBe(10);
  });

  it('surfaces a network error that persists, with the error as cause', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4577'), { code: 'ECONNREFUSED' });
    kinesis.on(PutRecordsCommand).rejects(refused);
    const error = await caught(putRecords(client, STREAM, entries, { sleep: recordingSleep().sleep, maxAttempts: 3 }));
    expect(sentInputs()).toHaveLength(3);
    expect(error.cause).toBe(refused);
    expect(error.unwritten.map((u) => u.errorCode)).toEqual(Array<string>(10).fill('ECONNREFUSED'));
  });

  it('does not retry when the stream does not exist', async () => {
    kinesis.on(PutRecordsCommand).rejects(new ResourceNotFoundException({ message: 'Stream logwarden-raw not found', $metadata: { httpStatusCode: 400 } }));
    const error = await caught(putRecords(client, STREAM, entries, { sleep: recordingSleep().sleep }));
    expect(sentInputs()).toHaveLength(1);
    expect(error.unwritten).toHaveLength(10);
    expect(error.unwritten[0]).toMatchObject({ errorCode: 'ResourceNotFoundException', attempts: 1 });
  });

  it('stops at a batch that cannot be written and lists later batches as not attempted', async () => {
    const many = Array.from({ length: 600 }, (_, i) => makeEntry(i, 10));
    kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => respond(input, new Set([0])));
    const error = await caught(putRecords(client, STREAM, many, { sleep: recordingSleep().sleep, maxAttempts: 2 }));
    expect(error.unwritten).toHaveLength(1 + 100);
    expect(error.unwritten[0]).toMatchObject({ index: 0, attempts: 2 });
    expect(error.unwritten[1]).toMatchObject({ index: 500, errorCode: 'NotAttempted', attempts: 0 });
  });
});
