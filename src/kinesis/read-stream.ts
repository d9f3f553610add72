import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { sleepMs } from './backoff';
import { getRecordsPage, shardIteratorAfter } from './get-records';
import { listShards } from './list-shards';
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
  const perShard = await Promise.all(shards.map((shard) => readShard(client, streamName, shard.shardId, deadline, options)));
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

async function readShard(client: KinesisClient, streamName: string, shardId: string, deadline: number, options: ReadAllRecordsOptions): Promise<StreamRecord[]> {
  const records: StreamRecord[] = [];
  let iterator = await shardIteratorAfter(client, streamName, shardId, options.fromSequence?.[shardId]);
  while (iterator !== undefined) {
    if (Date.now() > deadline) {
      throw new StreamReadTimeoutError(`reading ${streamName}/${shardId}: not caught up after ${options.timeoutMs} ms (${records.length} records read)`);
    }
    const page = await getRecordsPage(client, streamName, shardId, iterator);
    records.push(...page.records);
    iterator = page.nextIterator;
    const empty = page.records.length === 0;
    if (empty && page.millisBehindLatest === 0) break;
    if (empty) await sleepMs(options.pollIntervalMs ?? 200);
  }
  return records;
}
