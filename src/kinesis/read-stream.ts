import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient, Shard } from '@aws-sdk/client-kinesis';
import { sleepMs } from './backoff';
import { compareSequenceNumbers } from './sequence-number';

export interface StreamRecord {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly data: Uint8Array;
  readonly approximateArrivalTimestamp?: Date;
}

export interface ReadAllRecordsOptions {
  /** Per shard id, read after this sequence number (AFTER_SEQUENCE_NUMBER); other shards from TRIM_HORIZON. */
  readonly fromSequence?: Readonly<Record<string, string>>;
  /** Give up (throw) when not caught up by then. */
  readonly timeoutMs: number;
  /** Pause between empty reads; real shards allow 5 GetRecords calls per second (B1). */
  readonly pollIntervalMs?: number;
}

export class StreamReadTimeoutError extends Error {
  override readonly name = 'StreamReadTimeoutError';
}

/**
 * Reads every record of every shard until each shard is caught up (an empty GetRecords with
 * MillisBehindLatest 0, or a closed shard). For tests and tools, not for Lambda consumers.
 * Records come grouped by shard (shards in id order), each shard in sequence order.
 */
export async function readAllRecords(client: KinesisClient, streamName: string, options: ReadAllRecordsOptions): Promise<StreamRecord[]> {
  const deadline = Date.now() + options.timeoutMs;
  const shards = await listShards(client, streamName);
  const perShard = await Promise.all(shards.map((shard) => readShard(client, streamName, shard, deadline, options)));
  return perShard.flat();
}

/** The highest sequence number seen per shard, for a later `fromSequence`. */
export function lastSequenceNumbers(records: readonly { shardId: string; sequenceNumber: string }[]): Record<string, string> {
  const last: Record<string, string> = {};
  for (const { shardId, sequenceNumber } of records) {
    const seen = last[shardId];
    if (seen === undefined || compareSequenceNumbers(sequenceNumber, seen) > 0) last[shardId] = sequenceNumber;
  }
  return last;
}

async function listShards(client: KinesisClient, streamName: string): Promise<string[]> {
  const shards: Shard[] = [];
  let nextToken: string | undefined;
  do {
    // ListShards rejects StreamName together with NextToken.
    const page = await client.send(new ListShardsCommand(nextToken === undefined ? { StreamName: streamName } : { NextToken: nextToken }));
    shards.push(...(page.Shards ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return shards.map((s) => s.ShardId).filter((id): id is string => id !== undefined).sort();
}

async function readShard(client: KinesisClient, streamName: string, shardId: string, deadline: number, options: ReadAllRecordsOptions): Promise<StreamRecord[]> {
  const after = options.fromSequence?.[shardId];
  const start = await client.send(
    new GetShardIteratorCommand(
      after === undefined
        ? { StreamName: streamName, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }
        : { StreamName: streamName, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: after },
    ),
  );
  const records: StreamRecord[] = [];
  let iterator = start.ShardIterator;
  while (iterator !== undefined) {
    if (Date.now() > deadline) {
      throw new StreamReadTimeoutError(`reading ${streamName}/${shardId}: not caught up after ${options.timeoutMs} ms (${records.length} records read)`);
    }
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
    for (const r of page.Records ?? []) {
      if (r.SequenceNumber === undefined || r.PartitionKey === undefined || r.Data === undefined) {
        throw new Error(`GetRecords on ${streamName}/${shardId} returned a record without sequence number, partition key or data`);
      }
      records.push({ shardId, sequenceNumber: r.SequenceNumber, partitionKey: r.PartitionKey, data: r.Data, ...(r.ApproximateArrivalTimestamp !== undefined && { approximateArrivalTimestamp: r.ApproximateArrivalTimestamp }) });
    }
    iterator = page.NextShardIterator;
    const empty = (page.Records ?? []).length === 0;
    if (empty && (page.MillisBehindLatest ?? 0) === 0) break;
    if (empty) await sleepMs(options.pollIntervalMs ?? 200);
  }
  return records;
}
