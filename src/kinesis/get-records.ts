import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { StreamRecord } from './read-stream';

/**
 * An iterator just after `afterSequenceNumber` (AFTER_SEQUENCE_NUMBER), or at the oldest record
 * kept (TRIM_HORIZON) when there is none: how a consumer resumes from its checkpoint.
 */
export async function shardIteratorAfter(client: KinesisClient, streamName: string, shardId: string, afterSequenceNumber: string | undefined): Promise<string | undefined> {
  const start = await client.send(
    new GetShardIteratorCommand(
      afterSequenceNumber === undefined
        ? { StreamName: streamName, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }
        : { StreamName: streamName, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: afterSequenceNumber },
    ),
  );
  return start.ShardIterator;
}

export interface RecordsPage {
  readonly records: StreamRecord[];
  /** Absent once a closed shard has been read to its end. */
  readonly nextIterator?: string;
  readonly millisBehindLatest: number;
}

/** One GetRecords call (at most 10,000 records, B1), with records checked for the fields consumers need. */
export async function getRecordsPage(client: KinesisClient, streamName: string, shardId: string, iterator: string, limit = 10_000): Promise<RecordsPage> {
  const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: Math.max(1, Math.min(10_000, limit)) }));
  const records = (page.Records ?? []).map((r): StreamRecord => {
    if (r.SequenceNumber === undefined || r.PartitionKey === undefined || r.Data === undefined) {
      throw new Error(`GetRecords on ${streamName}/${shardId} returned a record without sequence number, partition key or data`);
    }
    return { shardId, sequenceNumber: r.SequenceNumber, partitionKey: r.PartitionKey, data: r.Data, ...(r.ApproximateArrivalTimestamp !== undefined && { approximateArrivalTimestamp: r.ApproximateArrivalTimestamp }) };
  });
  return { records, ...(page.NextShardIterator !== undefined && page.NextShardIterator !== null && { nextIterator: page.NextShardIterator }), millisBehindLatest: page.MillisBehindLatest ?? 0 };
}
