import type { RejectionReason } from './record-limits';

export interface PutRecordsEntry {
  readonly data: Uint8Array;
  readonly partitionKey: string;
  /** The caller's identifier for the entry (e.g. a log event id), echoed in results and errors. */
  readonly key?: string;
}

export interface WrittenEntry {
  readonly status: 'written';
  readonly index: number;
  readonly key?: string;
  readonly shardId: string;
  readonly sequenceNumber: string;
  /** How many requests carried this entry (1 when it succeeded first time). */
  readonly attempts: number;
}

/** Not sent: Kinesis would refuse it whatever the retries. The caller splits or side-stores it. */
export interface RejectedEntry {
  readonly status: 'rejected';
  readonly index: number;
  readonly key?: string;
  readonly reason: RejectionReason;
  readonly byteLength: number;
  readonly message: string;
}

export type PutRecordsEntryResult = WrittenEntry | RejectedEntry;

/** An entry that was not written when PutRecordsError was thrown. */
export interface UnwrittenEntry {
  readonly index: number;
  readonly key?: string;
  readonly partitionKey: string;
  /** Last per-entry ErrorCode, the whole-call error's name, or `NotAttempted`. */
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly attempts: number;
}

export interface PutRecordsResult {
  /** One result per input entry, in input order. */
  readonly results: readonly PutRecordsEntryResult[];
  readonly writtenCount: number;
  readonly rejected: readonly RejectedEntry[];
  readonly requestCount: number;
}

/** Thrown when entries stay unwritten after the last attempt, or on a non-retryable call error. */
export class PutRecordsError extends Error {
  override readonly name = 'PutRecordsError';

  constructor(
    readonly streamName: string,
    /** Entries that never succeeded, in input order. */
    readonly unwritten: readonly UnwrittenEntry[],
    /** Entries that were written or rejected before giving up, in input order. */
    readonly settled: readonly PutRecordsEntryResult[],
    options?: { cause?: unknown },
  ) {
    super(describeFailure(streamName, unwritten, settled.length), options);
  }
}

function describeFailure(streamName: string, unwritten: readonly UnwrittenEntry[], settledCount: number): string {
  const shown = unwritten.slice(0, 5).map((e) => `entry ${e.index}${e.key === undefined ? '' : ` (${e.key})`}: ${e.errorCode} after ${e.attempts} attempt(s)`);
  const more = unwritten.length > shown.length ? `; and ${unwritten.length - shown.length} more` : '';
  return `PutRecords to stream ${streamName}: ${unwritten.length} of ${unwritten.length + settledCount} entries not written (${shown.join('; ')}${more})`;
}
