import { createHash, randomBytes } from 'node:crypto';
import { DeleteStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../../src/kinesis/client';
import { ensureStream } from '../../src/kinesis/ensure-stream';
import { putRecords } from '../../src/kinesis/put-records';
import type { PutRecordsEntry, WrittenEntry } from '../../src/kinesis/put-records-result';
import { lastSequenceNumbers, readAllRecords } from '../../src/kinesis/read-stream';
import type { StreamRecord } from '../../src/kinesis/read-stream';
import { compareSequenceNumbers } from '../../src/kinesis/sequence-number';
import { resolveStreamNames } from '../../src/kinesis/stream-names';

jest.setTimeout(120_000);

const PARTITION_KEYS = ['app-a', 'app-b', 'app-c', 'app-d', 'app-e', 'app-f', 'app-g'];

function endpointFromSetup(): string {
  const endpoint = process.env.KINESIS_ENDPOINT;
  if (endpoint === undefined || endpoint === '') throw new Error('KINESIS_ENDPOINT is not set: the integration global setup did not run');
  return endpoint;
}

/** Entry i: a JSON payload carrying its partition key and its position within that key. */
function makeEntries(count: number, offset = 0): PutRecordsEntry[] {
  const perKey = new Map<string, number>();
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const partitionKey = PARTITION_KEYS[i % PARTITION_KEYS.length] ?? 'app-a';
    const position = perKey.get(partitionKey) ?? 0;
    perKey.set(partitionKey, position + 1);
    const payload = { i, partitionKey, position, padding: randomBytes(16 + ((i * 37) % 2_000)).toString('base64') };
    return { data: Buffer.from(JSON.stringify(payload)), partitionKey, key: `entry-${i}` };
  });
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

function positionOf(record: StreamRecord): number {
  return (JSON.parse(Buffer.from(record.data).toString('utf8')) as { position: number }).position;
}

describe('kinesis-local: records written with putRecords read back intact (checklist 13)', () => {
  let client: KinesisClient;
  const streamName = `logwarden-it-${Date.now()}-${process.pid}`;
  const entries = makeEntries(300);
  let written: WrittenEntry[] = [];
  let records: StreamRecord[] = [];

  beforeAll(async () => {
    client = createKinesisClient({ endpoint: endpointFromSetup() });
    await ensureStream(client, { streamName, shardCount: 2 });
    const result = await putRecords(client, streamName, entries);
    written = result.results.filter((r): r is WrittenEntry => r.status === 'written');
    records = await readAllRecords(client, streamName, { timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await client.send(new DeleteStreamCommand({ StreamName: streamName, EnforceConsumerDeletion: true }));
    client.destroy();
  });

  it('writes every entry and reads back the same count', () => {
    expect(written).toHaveLength(300);
    expect(records).toHaveLength(300);
  });

  it('reads back exactly the payloads written (sha256 per record)', () => {
    expect(records.map((r) => sha256(r.data)).sort()).toEqual(entries.map((e) => sha256(e.data)).sort());
  });

  it('stores each entry at the shard and sequence number putRecords reported', () => {
    const bySequence = new Map(records.map((r) => [`${r.shardId}/${r.sequenceNumber}`, r]));
    for (const w of written) {
      const record = bySequence.get(`${w.shardId}/${w.sequenceNumber}`);
      const entry = entries[w.index];
      expect(record?.partitionKey).toBe(entry?.partitionKey);
      expect(record && sha256(record.data)).toBe(entry && sha256(entry.data));
    }
  });

  it('spreads partition keys over both shards and keeps each key on one shard', () => {
    const shardsByKey = new Map<string, Set<string>>();
    for (const r of records) shardsByKey.set(r.partitionKey, (shardsByKey.get(r.partitionKey) ?? new Set()).add(r.shardId));
    expect(new Set(records.map((r) => r.shardId)).size).toBe(2);
    for (const shards of shardsByKey.values()) expect(shards.size).toBe(1);
  });

  it('keeps the write order within every partition key', () => {
    for (const key of PARTITION_KEYS) {
      const ofKey = records.filter((r) => r.partitionKey === key);
      const sequences = ofKey.map((r) => r.sequenceNumber);
      expect([...sequences].sort(compareSequenceNumbers)).toEqual(sequences);
      expect(ofKey.map(positionOf)).toEqual(ofKey.map((_, i) => i));
    }
  });

  it('records an arrival time on every record', () => {
    for (const r of records) expect(r.approximateArrivalTimestamp).toBeInstanceOf(Date);
  });

  it('reads only newer records when given the last sequence number per shard', async () => {
    const more = makeEntries(14, 300);
    await putRecords(client, streamName, more);
    const newer = await readAllRecords(client, streamName, { fromSequence: lastSequenceNumbers(records), timeoutMs: 30_000 });
    expect(newer.map((r) => sha256(r.data)).sort()).toEqual(more.map((e) => sha256(e.data)).sort());
  });

  it('finds an existing stream idempotently', async () => {
    await expect(ensureStream(client, { streamName, shardCount: 2 })).resolves.toMatchObject({ outcome: 'existing', shardCount: 2 });
  });
});

describe('kinesis-local: pipeline streams from the services set-up', () => {
  it('has the raw stream with 2 shards and the normalized stream with 1, both ACTIVE', async () => {
    const client = createKinesisClient({ endpoint: endpointFromSetup() });
    try {
      const names = resolveStreamNames(process.env);
      const summary = async (name: string): Promise<[string | undefined, number | undefined]> => {
        const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName: name }));
        return [s?.StreamStatus, s?.OpenShardCount];
      };
      expect(await summary(names.raw)).toEqual(['ACTIVE', 2]);
      expect(await summary(names.normalized)).toEqual(['ACTIVE', 1]);
    } finally {
      client.destroy();
    }
  });
});
