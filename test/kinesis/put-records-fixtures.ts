import type { PutRecordsCommandInput, PutRecordsCommandOutput, PutRecordsResultEntry } from '@aws-sdk/client-kinesis';
import type { PutRecordsEntry } from '../../src/kinesis/put-records-result';

/** An entry whose bytes identify it: `size` bytes filled with its index. */
export function makeEntry(index: number, size: number, partitionKey = `pk-${index % 7}`): PutRecordsEntry {
  return { data: new Uint8Array(size).fill(index % 251), partitionKey, key: `event-${index}` };
}

let nextSequence = 49_657_411_223_344_556_677_889_900_112_233_445_566_778_899_000_000n;

function written(): PutRecordsResultEntry {
  nextSequence += 1n;
  return { SequenceNumber: nextSequence.toString(), ShardId: 'shardId-000000000000' };
}

/** A PutRecords response where the entries at `failing` positions (of this request) are throttled. */
export function respond(input: PutRecordsCommandInput, failing: ReadonlySet<number> = new Set()): PutRecordsCommandOutput {
  const records = (input.Records ?? []).map((_, i): PutRecordsResultEntry =>
    failing.has(i) ? { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'Rate exceeded for shard shardId-000000000000' } : written(),
  );
  return { FailedRecordCount: failing.size, Records: records, $metadata: { httpStatusCode: 200 } };
}

/** A sleep that records the requested delays and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: (ms) => (delays.push(ms), Promise.resolve()) };
}

export function requestBytes(input: PutRecordsCommandInput): number {
  return (input.Records ?? []).reduce((sum, r) => sum + (r.Data?.byteLength ?? 0) + Buffer.byteLength(r.PartitionKey ?? '', 'utf8'), 0);
}
