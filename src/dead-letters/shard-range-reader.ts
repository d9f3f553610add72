import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { compareSequenceNumbers } from '../kinesis/sequence-number';
import type { ShardRangeReader } from './lambda-failure-records';

const MAX_PAGES = 1_000;

/** Reads a shard's records from one sequence number to another, both included (stream by ARN or name). */
export function kinesisShardRangeReader(client: KinesisClient): ShardRangeReader {
  return async (stream, shardId, start, end) => {
    // arn:aws:kinesis:<region>:<account>:stream/<name> → <name> (the pipeline reads its own account's streams)
    const streamName = stream.includes(':stream/') ? stream.slice(stream.indexOf(':stream/') + ':stream/'.length) : stream;
    const iterator = await client.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: start }));
    const records = [];
    let next = iterator.ShardIterator;
    for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
      const result = await client.send(new GetRecordsCommand({ ShardIterator: next, Limit: 1_000 }));
      for (const r of result.Records ?? []) {
        if (r.SequenceNumber === undefined || r.Data === undefined) continue;
        if (compareSequenceNumbers(r.SequenceNumber, end) > 0) return records;
        records.push({ sequenceNumber: r.SequenceNumber, partitionKey: r.PartitionKey ?? 'redrive', data: r.Data });
      }
      // Caught up with the shard and still short of `end`: the rest is not there.
      if ((result.Records ?? []).length === 0 && (result.MillisBehindLatest ?? 0) === 0) return records;
      next = result.NextShardIterator;
    }
    return records;
  };
}
