/** One record to write to a stream. */
export interface StreamEntry {
  readonly data: Uint8Array;
  readonly partitionKey: string;
}

/**
 * Writes entries to a stream (Kinesis PutRecords with retries, in production). Resolves with
 * the indexes of entries that could not be written after every retry; rejects only when
 * nothing is known about what was written.
 */
export type StreamWriter = (entries: readonly StreamEntry[]) => Promise<{ readonly failed: ReadonlySet<number> }>;
