import { backoffDelayMs } from '../kinesis/backoff';

/** How often delivery has failed at one starting point (the lowest failed sequence number). */
export interface FailedStart {
  readonly sequenceNumber: string;
  /** Failed deliveries that included this record at or before its failure point; the first delivery counts. */
  readonly attempts: number;
}

/**
 * Counts a failure at `sequenceNumber`. Failing again where the last failure was is one more
 * attempt; failing further on starts a new count there (the records before it were
 * checkpointed, so the retried batch starts at a new point). So a record that always fails is
 * delivered 1 + maximumRetryAttempts times, as with Lambda's MaximumRetryAttempts.
 */
export function countFailure(previous: FailedStart | undefined, sequenceNumber: string): FailedStart {
  return { sequenceNumber, attempts: previous?.sequenceNumber === sequenceNumber ? previous.attempts + 1 : 1 };
}

/** True when the retries are used up: -1 means retry until success (Lambda's default). */
export function isRetryExhausted(failure: FailedStart, maximumRetryAttempts: number): boolean {
  return maximumRetryAttempts >= 0 && failure.attempts > maximumRetryAttempts;
}

export interface RetryDelayOptions {
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly random?: () => number;
}

/** The pause before retry number `retry` (1-based); none when backoff is off. */
export function retryDelayMs(retry: number, options: RetryDelayOptions): number {
  if (options.retryBaseDelayMs === 0) return 0;
  return backoffDelayMs(retry, { baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.retryMaxDelayMs, random: options.random ?? Math.random });
}
