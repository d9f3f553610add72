import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { EventSource } from '../batch/kinesis-event-builder';
import { kinesisEventFrom } from '../batch/kinesis-event-builder';
import type { KinesisEventRecord } from '../batch/kinesis-event';
import { getRecordsPage, shardIteratorAfter } from '../kinesis/get-records';
import type { RecordsPage } from '../kinesis/get-records';
import type { CheckpointStore } from './checkpoint-store';
import { describeError } from './invocation-outcome';
import type { KinesisBatchHandler } from './invoke-handler';
import { invokeHandler } from './invoke-handler';
import type { FunctionIdentity } from './lambda-context';
import type { MappingSettings } from './mapping-settings';
import type { OnFailureRecord } from './on-failure-record';
import { onFailureRecord } from './on-failure-record';
import type { MappingProgress, MappingStats, ProgressListener } from './progress';
import type { FailedStart } from './retry-policy';
import { countFailure, isRetryExhausted, retryDelayMs } from './retry-policy';
import type { StopSignal } from './stop-signal';
import type { BufferedRecord } from './take-batch';
import { batchLength, bufferedRecord, isBatchFull } from './take-batch';

export interface ShardConsumerDeps {
  readonly kinesis: KinesisClient;
  readonly streamName: string;
  readonly source: EventSource;
  readonly fn: FunctionIdentity;
  readonly handler: KinesisBatchHandler;
  readonly settings: MappingSettings;
  readonly checkpoints: CheckpointStore;
  readonly onFailure: (failure: OnFailureRecord) => Promise<void> | void;
  readonly progress: ProgressListener;
  readonly stats: MappingStats;
  readonly stop: StopSignal;
  readonly random?: () => number;
  readonly now?: () => number;
}

export type PollMode = 'continuous' | 'drain';
export type ShardRunEnd = 'ended' | 'caught-up' | 'stopped';

// Pauses between tries of a failing read, checkpoint write or on-failure destination.
const INFRASTRUCTURE_BACKOFF = { retryBaseDelayMs: 200, retryMaxDelayMs: 5_000 } as const;
// Draining (`--once`) ends with an error rather than waiting forever on a dependency that is down.
const DRAIN_INFRASTRUCTURE_ATTEMPTS = 5;
const STOPPED = Symbol('stopped');

/**
 * Consumes one shard the way Lambda's event source mapping does: records in sequence order, one
 * invocation at a time, the checkpoint moved past what the function finished, failed records
 * retried from the lowest failed one, and given up on (onFailure) after the configured retries.
 * Everything not yet checkpointed is read again after a restart.
 */
export class ShardConsumer {
  private buffer: BufferedRecord[] = [];
  private firstBufferedAt = 0;
  private iterator: string | undefined;
  private ended = false;
  /** The last sequence number read into the buffer: where a new iterator starts. */
  private readPosition: string | undefined;
  private mode: PollMode = 'drain';

  constructor(
    readonly shardId: string,
    private checkpoint: string | undefined,
    private readonly deps: ShardConsumerDeps,
  ) {
    this.readPosition = checkpoint;
  }

  /** True once a closed shard has been read and delivered to its end. */
  get finished(): boolean {
    return this.ended && this.buffer.length === 0;
  }

  /** Polls until the shard ends, the mapping stops, or (drain) nothing more is there. */
  async run(mode: PollMode): Promise<ShardRunEnd> {
    this.mode = mode;
    this.report({ type: 'shard-started', shardId: this.shardId, ...(this.checkpoint !== undefined && { after: this.checkpoint }) });
    for (let failures = 0; ; ) {
      if (this.deps.stop.stopped) return 'stopped';
      try {
        const poll = await this.poll(mode === 'continuous');
        failures = 0;
        if (poll.ended) {
          this.report({ type: 'shard-ended', shardId: this.shardId });
          return 'ended';
        }
        if (mode === 'drain' && poll.caughtUp) return 'caught-up';
        if (mode === 'drain' && poll.delivered === 0) await this.deps.stop.sleep(Math.min(this.deps.settings.pollIntervalMs, 200));
      } catch (error) {
        // Unexpected: start again from the checkpoint, which is always safe (at-least-once).
        this.resetToCheckpoint();
        if (mode === 'drain') throw error;
        const retryInMs = retryDelayMs(++failures, { ...INFRASTRUCTURE_BACKOFF, ...this.randomOption() });
        this.report({ type: 'error', shardId: this.shardId, during: 'run', error: describeError(error), retryInMs });
        await this.deps.stop.sleep(retryInMs);
      }
    }
  }

  /** One read of what is there now and one delivery (with its retries), for tests and step-wise runs. */
  async pollOnce(): Promise<number> {
    this.mode = 'drain';
    try {
      return (await this.poll(false)).delivered;
    } catch (error) {
      this.resetToCheckpoint();
      throw error;
    }
  }

  /**
   * Reads until a batch is ready and delivers it (with its retries). Without `wait` it reads only
   * what is there now: no batching window, no pause on an empty shard.
   */
  private async poll(wait: boolean): Promise<{ delivered: number; caughtUp: boolean; ended: boolean }> {
    const caughtUp = await this.fill(wait);
    if (this.deps.stop.stopped) return { delivered: 0, caughtUp, ended: false };
    const count = batchLength(this.buffer, this.deps.settings);
    if (count > 0) await this.deliver(count);
    return { delivered: count, caughtUp: caughtUp && this.buffer.length === 0, ended: this.ended && this.buffer.length === 0 };
  }

  /** Fills the buffer; true when the shard had nothing more to give on the last read. */
  private async fill(wait: boolean): Promise<boolean> {
    const { settings, stop } = this.deps;
    for (;;) {
      if (this.ended || isBatchFull(this.buffer, settings)) return this.ended;
      const page = await this.withRetries('read', () => this.read(settings.batchSize - this.buffer.length));
      if (page === STOPPED || stop.stopped) return false;
      const empty = page.records.length === 0;
      const caughtUp = empty && page.millisBehindLatest === 0;
      if (!wait) {
        if (empty || this.ended) return caughtUp || this.ended;
        continue;
      }
      if (this.buffer.length === 0) {
        if (caughtUp) await stop.sleep(settings.pollIntervalMs);
        continue;
      }
      // Batching window (MaximumBatchingWindowInSeconds): counted from the first buffered record.
      const windowLeft = this.firstBufferedAt + settings.batchingWindowMs - this.now();
      if (windowLeft <= 0 || this.ended) return caughtUp || this.ended;
      if (caughtUp) await stop.sleep(Math.min(settings.pollIntervalMs, windowLeft));
    }
  }

  private async read(limit: number): Promise<RecordsPage> {
    const { kinesis, streamName, source } = this.deps;
    try {
      this.iterator ??= await shardIteratorAfter(kinesis, streamName, this.shardId, this.readPosition);
      if (this.iterator === undefined) {
        this.ended = true;
        return { records: [], millisBehindLatest: 0 };
      }
      const page = await getRecordsPage(kinesis, streamName, this.shardId, this.iterator, Math.max(1, limit));
      if (page.records.length > 0) {
        if (this.buffer.length === 0) this.firstBufferedAt = this.now();
        this.buffer.push(...kinesisEventFrom(page.records, source).Records.map(bufferedRecord));
        this.readPosition = page.records[page.records.length - 1]?.sequenceNumber;
      }
      this.iterator = page.nextIterator;
      // A closed shard read to its end has no next iterator (Lambda then moves on to its children).
      if (page.nextIterator === undefined) this.ended = true;
      return page;
    } catch (error) {
      // Iterators expire after 5 minutes and die with the connection: the next read asks for a new one.
      this.iterator = undefined;
      throw error;
    }
  }

  /** Invokes the function with the first `count` buffered records until they are done or given up on. */
  private async deliver(count: number): Promise<void> {
    let records = this.buffer.slice(0, count).map((b) => b.record);
    let failed: FailedStart | undefined;
    let finished = false;
    while (!finished) {
      const first = records[0] as KinesisEventRecord;
      const attempt = failed?.sequenceNumber === first.kinesis.sequenceNumber ? failed.attempts + 1 : 1;
      const { requestId, outcome, durationMs } = await this.invoke(records);
      this.deps.stats.invocations++;
      const last = records[records.length - 1] as KinesisEventRecord;
      const base = { type: 'invoked', shardId: this.shardId, requestId, records: records.length, firstSequenceNumber: first.kinesis.sequenceNumber, lastSequenceNumber: last.kinesis.sequenceNumber, attempt, durationMs } as const;
      if (outcome.kind === 'success') {
        this.report({ ...base, outcome: 'success' });
        finished = await this.advance(records, records.length);
        break;
      }
      const tail = records.slice(outcome.failedFrom);
      const lowest = (tail[0] as KinesisEventRecord).kinesis.sequenceNumber;
      this.deps.stats.failedInvocations++;
      this.report({ ...base, outcome: 'failure', failedSequenceNumber: lowest, error: outcome.reason });
      // Lambda checkpoints everything before the lowest failed record and resumes there.
      if (!(await this.advance(records, outcome.failedFrom))) break;
      failed = countFailure(failed, lowest);
      if (isRetryExhausted(failed, this.deps.settings.maximumRetryAttempts)) {
        const failure = onFailureRecord({
          shardId: this.shardId,
          streamArn: this.deps.source.streamArn,
          functionArn: this.deps.fn.functionArn,
          requestId,
          attempts: failed.attempts,
          records: tail,
          error: outcome.reason,
          ...(outcome.functionError !== undefined && { functionError: outcome.functionError }),
          at: new Date(this.now()),
        });
        if ((await this.withRetries('on-failure', async () => this.deps.onFailure(failure))) === STOPPED) break;
        this.deps.stats.recordsGivenUp += tail.length;
        const to = failure.KinesisBatchInfo.endSequenceNumber;
        this.report({ type: 'gave-up', shardId: this.shardId, fromSequenceNumber: lowest, toSequenceNumber: to, records: tail.length, attempts: failed.attempts, error: outcome.reason });
        finished = await this.advance(tail, tail.length, false);
        break;
      }
      if (this.deps.stop.stopped) break;
      const delayMs = retryDelayMs(failed.attempts, { ...this.deps.settings, ...this.randomOption() });
      this.report({ type: 'retrying', shardId: this.shardId, fromSequenceNumber: lowest, records: tail.length, retry: failed.attempts, delayMs });
      await this.deps.stop.sleep(delayMs);
      if (this.deps.stop.stopped) break;
      records = tail;
    }
    if (finished) this.buffer.splice(0, count);
    // Stopped part-way: what is not checkpointed is read again on the next start.
    else this.resetToCheckpoint();
  }

  private invoke(records: readonly KinesisEventRecord[]): ReturnType<typeof invokeHandler> {
    return invokeHandler(this.deps.handler, records, this.deps.fn, this.deps.settings.timeoutMs, this.deps.now);
  }

  /** Checkpoints the first `done` records; false when stopped before the checkpoint could be saved. */
  private async advance(records: readonly KinesisEventRecord[], done: number, succeeded = true): Promise<boolean> {
    if (done === 0) return true;
    const sequenceNumber = (records[done - 1] as KinesisEventRecord).kinesis.sequenceNumber;
    if ((await this.withRetries('checkpoint', () => this.deps.checkpoints.save(this.shardId, sequenceNumber))) === STOPPED) return false;
    this.checkpoint = sequenceNumber;
    if (succeeded) this.deps.stats.recordsSucceeded += done;
    this.report({ type: 'checkpointed', shardId: this.shardId, sequenceNumber });
    return true;
  }

  /** Runs a call to Kinesis, the checkpoint store or the destination, retrying with backoff while the mapping runs. */
  private async withRetries<T>(during: 'read' | 'checkpoint' | 'on-failure', call: () => Promise<T>): Promise<T | typeof STOPPED> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (this.mode === 'drain' && attempt >= DRAIN_INFRASTRUCTURE_ATTEMPTS) throw error;
        const retryInMs = retryDelayMs(attempt, { ...INFRASTRUCTURE_BACKOFF, ...this.randomOption() });
        this.report({ type: 'error', shardId: this.shardId, during, error: describeError(error), retryInMs });
        await this.deps.stop.sleep(retryInMs);
        if (this.deps.stop.stopped) return STOPPED;
      }
    }
  }

  private resetToCheckpoint(): void {
    this.buffer = [];
    this.iterator = undefined;
    this.ended = false;
    this.readPosition = this.checkpoint;
  }

  private report(progress: MappingProgress): void {
    this.deps.progress(progress);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private randomOption(): { random?: () => number } {
    return this.deps.random === undefined ? {} : { random: this.deps.random };
  }
}
