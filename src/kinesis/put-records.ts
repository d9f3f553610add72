import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient, PutRecordsResultEntry } from '@aws-sdk/client-kinesis';
import { backoffDelayMs, sleepMs } from './backoff';
import { entryByteLength, findLimitViolation } from './record-limits';
import { planRequestBatches } from './request-batches';
import { errorLabel, isRetryableError } from './retryable-error';
import { PutRecordsError } from './put-records-result';
import type { PutRecordsEntry, PutRecordsEntryResult, PutRecordsResult, RejectedEntry, UnwrittenEntry } from './put-records-result';

export interface PutRecordsOptions {
  /** Requests per batch, first one included. */
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Called before each resend, e.g. to count throttling in a metric. */
  readonly onRetry?: (retry: RetryInfo) => void;
}

export interface RetryInfo {
  readonly attempt: number;
  readonly pendingCount: number;
  readonly delayMs: number;
  readonly errorCodes: readonly string[];
}

interface Pending {
  readonly index: number;
  errorCode: string;
  errorMessage: string;
}

/**
 * Writes entries with PutRecords, within the request limits, resending only failed entries
 * (reference B1: PutRecords is not atomic; "resend only the failed entries, with backoff").
 *
 * Ordering: batches go out one after another, and a batch's failed entries are resent before
 * the next batch starts, so per partition key order holds across batches. Within a batch a
 * resent entry lands after entries of the same key that succeeded first time: B1 notes that
 * order across retries is not preserved. A retried call that timed out may also have been
 * written, so consumers must tolerate duplicates (B1, kinesis-record-processor-duplicates).
 */
export async function putRecords(
  client: KinesisClient,
  streamName: string,
  entries: readonly PutRecordsEntry[],
  options: PutRecordsOptions = {},
): Promise<PutRecordsResult> {
  const results: (PutRecordsEntryResult | undefined)[] = new Array<PutRecordsEntryResult | undefined>(entries.length);
  const rejected: RejectedEntry[] = [];
  const sendable: number[] = [];
  entries.forEach((entry, index) => {
    const violation = findLimitViolation(entry);
    if (violation === undefined) {
      sendable.push(index);
      return;
    }
    const rejection: RejectedEntry = { status: 'rejected', index, ...keyOf(entry), reason: violation.reason, byteLength: entryByteLength(entry), message: violation.message };
    results[index] = rejection;
    rejected.push(rejection);
  });

  const send = new BatchSender(client, streamName, entries, results, options);
  for (const batch of planRequestBatches(entries, sendable)) {
    await send.batch(batch);
  }
  const complete = results.map((r, index) => {
    if (r === undefined) throw new Error(`internal: entry ${index} has no result after every batch settled`);
    return r;
  });
  return { results: complete, writtenCount: complete.length - rejected.length, rejected, requestCount: send.requestCount };
}

class BatchSender {
  requestCount = 0;
  private readonly maxAttempts: number;

  constructor(
    private readonly client: KinesisClient,
    private readonly streamName: string,
    private readonly entries: readonly PutRecordsEntry[],
    private readonly results: (PutRecordsEntryResult | undefined)[],
    private readonly options: PutRecordsOptions,
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 6);
  }

  async batch(indices: readonly number[]): Promise<void> {
    let pending: Pending[] = indices.map((index) => ({ index, errorCode: 'NotAttempted', errorMessage: '' }));
    let lastError: unknown;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > this.maxAttempts) throw this.failure(pending, this.maxAttempts, lastError);
      if (attempt > 1) await this.pause(attempt, pending);
      this.requestCount++;
      try {
        const response = await this.client.send(new PutRecordsCommand({ StreamName: this.streamName, Records: pending.map((p) => this.requestEntry(p.index)) }));
        pending = this.settle(pending, response.Records ?? [], attempt);
        lastError = undefined;
      } catch (error) {
        if (error instanceof PutRecordsError) throw error;
        lastError = error;
        for (const p of pending) {
          p.errorCode = errorLabel(error);
          p.errorMessage = error instanceof Error ? error.message : String(error);
        }
        if (!isRetryableError(error)) throw this.failure(pending, attempt, error);
      }
    }
  }

  /** Records successes and returns the entries to resend (per-entry ErrorCode set, B1). */
  private settle(pending: readonly Pending[], records: readonly PutRecordsResultEntry[], attempt: number): Pending[] {
    if (records.length !== pending.length) {
      // Without a one-to-one response nothing can be attributed; surface it rather than guess.
      const cause = new Error(`PutRecords response has ${records.length} records for ${pending.length} entries`);
      for (const p of pending) Object.assign(p, { errorCode: 'MalformedResponse', errorMessage: cause.message });
      throw this.failure(pending, attempt, cause);
    }
    const retry: Pending[] = [];
    pending.forEach((p, i) => {
      const record = records[i];
      if (record?.ErrorCode === undefined && record?.SequenceNumber !== undefined && record.ShardId !== undefined) {
        const entry = this.entryAt(p.index);
        this.results[p.index] = { status: 'written', index: p.index, ...keyOf(entry), shardId: record.ShardId, sequenceNumber: record.SequenceNumber, attempts: attempt };
        return;
      }
      p.errorCode = record?.ErrorCode ?? 'MissingSequenceNumber';
      p.errorMessage = record?.ErrorMessage ?? '';
      retry.push(p);
    });
    return retry;
  }

  private async pause(attempt: number, pending: readonly Pending[]): Promise<void> {
    const delayMs = backoffDelayMs(attempt - 1, {
      baseDelayMs: this.options.baseDelayMs ?? 100,
      maxDelayMs: this.options.maxDelayMs ?? 5_000,
      random: this.options.random ?? Math.random,
    });
    this.options.onRetry?.({ attempt, pendingCount: pending.length, delayMs, errorCodes: [...new Set(pending.map((p) => p.errorCode))] });
    await (this.options.sleep ?? sleepMs)(delayMs);
  }

  private requestEntry(index: number): { Data: Uint8Array; PartitionKey: string } {
    const entry = this.entryAt(index);
    return { Data: entry.data, PartitionKey: entry.partitionKey };
  }

  private entryAt(index: number): PutRecordsEntry {
    const entry = this.entries[index];
    if (entry === undefined) throw new RangeError(`no entry at index ${index}`);
    return entry;
  }

  /** The error for a batch that gave up; later batches are listed as NotAttempted. */
  private failure(pending: readonly Pending[], attempts: number, cause: unknown): PutRecordsError {
    const failed = new Map(pending.map((p) => [p.index, p]));
    const unwritten: UnwrittenEntry[] = [];
    const settled: PutRecordsEntryResult[] = [];
    this.entries.forEach((entry, index) => {
      const result = this.results[index];
      if (result !== undefined) {
        settled.push(result);
        return;
      }
      const p = failed.get(index);
      unwritten.push({ index, ...keyOf(entry), partitionKey: entry.partitionKey, errorCode: p?.errorCode ?? 'NotAttempted', errorMessage: p?.errorMessage ?? '', attempts: p === undefined ? 0 : attempts });
    });
    return new PutRecordsError(this.streamName, unwritten, settled, cause === undefined ? undefined : { cause });
  }
}

function keyOf(entry: PutRecordsEntry): { key?: string } {
  return entry.key === undefined ? {} : { key: entry.key };
}
