/**
 * Kinesis Data Streams write limits (reference B1, service-sizes-and-limits): kinesis-local
 * enforces only the per-record size, so the producer enforces all of them itself.
 */
export const KINESIS_LIMITS = {
  /** Data blob + partition key, in bytes (1 MiB, the stream default). */
  maxRecordBytes: 1024 * 1024,
  /** PutRecords request: entries. */
  maxRequestEntries: 500,
  /** PutRecords request: data + partition keys, in bytes (5 MiB). */
  maxRequestBytes: 5 * 1024 * 1024,
  /** Partition key length, in Unicode characters. */
  maxPartitionKeyChars: 256,
} as const;

export interface SizedEntry {
  readonly data: Uint8Array;
  readonly partitionKey: string;
}

/** Bytes an entry counts against the record and request limits: data plus UTF-8 partition key. */
export function entryByteLength(entry: SizedEntry): number {
  return entry.data.byteLength + Buffer.byteLength(entry.partitionKey, 'utf8');
}

export const REJECTION_REASONS = {
  recordTooLarge: 'record-too-large',
  invalidPartitionKey: 'invalid-partition-key',
} as const;

export type RejectionReason = (typeof REJECTION_REASONS)[keyof typeof REJECTION_REASONS];

/** Why Kinesis would refuse this entry, or undefined when it is within the limits. */
export function findLimitViolation(entry: SizedEntry): { reason: RejectionReason; message: string } | undefined {
  const chars = [...entry.partitionKey].length;
  if (chars < 1 || chars > KINESIS_LIMITS.maxPartitionKeyChars) {
    return { reason: REJECTION_REASONS.invalidPartitionKey, message: `partition key has ${chars} characters; Kinesis accepts 1-${KINESIS_LIMITS.maxPartitionKeyChars}` };
  }
  const bytes = entryByteLength(entry);
  if (bytes > KINESIS_LIMITS.maxRecordBytes) {
    return { reason: REJECTION_REASONS.recordTooLarge, message: `record is ${bytes} bytes (data + partition key); Kinesis accepts at most ${KINESIS_LIMITS.maxRecordBytes}` };
  }
  return undefined;
}
