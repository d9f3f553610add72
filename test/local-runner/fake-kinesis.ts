import { DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand } from '@aws-sdk/client-kinesis';
import type { GetRecordsCommandInput, GetShardIteratorCommandInput } from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';

interface FakeShard {
  readonly shardId: string;
  readonly parentShardId?: string;
  closed: boolean;
  readonly records: { SequenceNumber: string; PartitionKey: string; Data: Uint8Array; ApproximateArrivalTimestamp: Date }[];
}

export interface FakeStream {
  readonly client: KinesisClient;
  readonly streamArn: string;
  /** Appends a record to a shard; returns its sequence number. */
  put(shardId: string, data: string, partitionKey?: string): string;
  close(shardId: string): void;
  getRecordsCalls(): number;
}

export const ARRIVAL = new Date('2025-11-28T18:03:31.123Z');

/**
 * An in-memory Kinesis stream behind a stubbed SDK client: enough of ListShards, GetShardIterator
 * and GetRecords for the mapping's unit tests (iterators are "<shard>|<index>").
 */
export function fakeKinesisStream(streamName: string, shards: readonly { shardId: string; parentShardId?: string }[]): FakeStream {
  const client = new KinesisClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const mock = mockClient(client);
  const streamArn = `arn:aws:kinesis:eu-west-1:111122223333:stream/${streamName}`;
  const state = new Map<string, FakeShard>(shards.map((s) => [s.shardId, { ...s, closed: false, records: [] }]));
  let sequence = 49_590_338_271_490_256_608_559_692_538_361_571_095_921_575_989_136_588_898n;
  let getRecordsCalls = 0;
  const shardOf = (shardId: string): FakeShard => {
    const shard = state.get(shardId);
    if (shard === undefined) throw Object.assign(new Error(`no shard ${shardId}`), { name: 'ResourceNotFoundException' });
    return shard;
  };

  mock.on(DescribeStreamSummaryCommand).resolves({ StreamDescriptionSummary: { StreamName: streamName, StreamARN: streamArn, StreamStatus: 'ACTIVE', OpenShardCount: shards.length, RetentionPeriodHours: 24, StreamCreationTimestamp: ARRIVAL, EnhancedMonitoring: [] } });
  mock.on(ListShardsCommand).callsFake(() => ({
    Shards: [...state.values()].map((s) => ({
      ShardId: s.shardId,
      ...(s.parentShardId !== undefined && { ParentShardId: s.parentShardId }),
      HashKeyRange: { StartingHashKey: '0', EndingHashKey: '1' },
      SequenceNumberRange: { StartingSequenceNumber: '0', ...(s.closed && { EndingSequenceNumber: s.records.at(-1)?.SequenceNumber ?? '0' }) },
    })),
  }));
  mock.on(GetShardIteratorCommand).callsFake((input: GetShardIteratorCommandInput) => {
    const shard = shardOf(input.ShardId ?? '');
    if (input.ShardIteratorType === 'TRIM_HORIZON') return { ShardIterator: `${shard.shardId}|0` };
    const after = BigInt(input.StartingSequenceNumber ?? '0');
    const index = shard.records.findIndex((r) => BigInt(r.SequenceNumber) > after);
    return { ShardIterator: `${shard.shardId}|${index === -1 ? shard.records.length : index}` };
  });
  mock.on(GetRecordsCommand).callsFake((input: GetRecordsCommandInput) => {
    getRecordsCalls++;
    const [shardId = '', from = '0'] = (input.ShardIterator ?? '').split('|');
    const shard = shardOf(shardId);
    const start = Number(from);
    const records = shard.records.slice(start, start + (input.Limit ?? 10_000));
    const next = start + records.length;
    const atEnd = next === shard.records.length;
    return { Records: records, MillisBehindLatest: atEnd ? 0 : 1_000, ...(!(atEnd && shard.closed) && { NextShardIterator: `${shardId}|${next}` }) };
  });

  return {
    client,
    streamArn,
    put(shardId, data, partitionKey = 'pk') {
      const shard = shardOf(shardId);
      if (shard.closed) throw new Error(`${shardId} is closed`);
      sequence += 1_000_000n;
      shard.records.push({ SequenceNumber: sequence.toString(), PartitionKey: partitionKey, Data: Buffer.from(data), ApproximateArrivalTimestamp: ARRIVAL });
      return sequence.toString();
    },
    close(shardId) {
      shardOf(shardId).closed = true;
    },
    getRecordsCalls: () => getRecordsCalls,
  };
}
