import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { PutRecordsOptions } from '../kinesis/put-records';
import { putRecords } from '../kinesis/put-records';
import { PutRecordsError } from '../kinesis/put-records-result';
import type { StreamWriter } from './stream-writer';

/**
 * A StreamWriter over Kinesis PutRecords (batched within the API limits, failed entries
 * retried with backoff). Entries still unwritten after the last attempt, or refused for their
 * size, are reported back by index so the batch path can fail exactly the records they belong to.
 */
export function kinesisStreamWriter(client: KinesisClient, streamName: string, options: PutRecordsOptions = {}): StreamWriter {
  return async (entries) => {
    try {
      const result = await putRecords(client, streamName, entries, options);
      return { failed: new Set(result.rejected.map((r) => r.index)) };
    } catch (err) {
      if (err instanceof PutRecordsError) return { failed: new Set(err.unwritten.map((u) => u.index)) };
      throw err;
    }
  };
}
