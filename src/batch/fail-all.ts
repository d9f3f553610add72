import type { BatchResponse, KinesisEventRecord } from './kinesis-event';

/** Every record of the batch reported for redelivery: a well-formed answer when a dependency is down before any work. */
export function failAll(records: readonly KinesisEventRecord[]): BatchResponse {
  return { batchItemFailures: records.map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber })) };
}
