import type { BatchResponse, KinesisEventRecord } from './kinesis-event';
import { compareSequenceNumbers } from '../kinesis/sequence-number';

/** What became of one record. */
export type RecordOutcome<T> =
  /** Processed: these outputs are to be written. */
  | { readonly kind: 'processed'; readonly outputs: readonly T[] }
  /** Can never be processed (corrupt, not ours): goes to the dead letters with the reason; the batch moves on. */
  | { readonly kind: 'dead-letter'; readonly reason: string; readonly error: string }
  /** Failed for now (a dependency is down): Lambda redelivers it, and everything after it, later. */
  | { readonly kind: 'retry'; readonly error: string };

export interface DeadLetterRequest {
  readonly record: KinesisEventRecord;
  readonly reason: string;
  readonly error: string;
}

export interface BatchStage<T> {
  /** Turns one record into outputs. Called in sequence order, one record at a time. */
  process(record: KinesisEventRecord): Promise<RecordOutcome<T>> | RecordOutcome<T>;
  /** Writes all outputs of the processed records; returns the indexes (into `outputs`) whose write failed for good. */
  write(outputs: readonly T[]): Promise<ReadonlySet<number>>;
  /** Stores records that can never be processed; throws if they could not be stored (they are then retried). */
  deadLetter(requests: readonly DeadLetterRequest[]): Promise<void>;
}

export interface BatchOptions {
  /** Milliseconds the invocation has left (Lambda's context.getRemainingTimeInMillis). */
  readonly remainingTimeMs: () => number;
  /** Stop taking new records when less than this remains, leaving time to write and answer. */
  readonly reserveMs: number;
}

export interface BatchReport {
  readonly response: BatchResponse;
  readonly processed: number;
  readonly outputs: number;
  readonly deadLettered: number;
  /** Records reported back to Lambda for redelivery. */
  readonly failed: number;
  /** Why the batch stopped early, if it did. */
  readonly stoppedBecause?: string;
}

/**
 * The batch path every stream consumer shares (Lambda event source mapping semantics, see
 * ../shared/reference B2): records are processed strictly in sequence order; a record that
 * fails for now, or whose outputs could not be written, fails together with every record after
 * it (Lambda resumes from the lowest failed sequence number, so later work would be redone
 * anyway); records left when time runs short are reported as failures without being started;
 * records that can never succeed go to the dead letters instead of blocking the shard.
 * Outputs must be idempotent (deterministic ids): redelivery repeats them.
 */
export async function processBatch<T>(records: readonly KinesisEventRecord[], stage: BatchStage<T>, options: BatchOptions): Promise<BatchReport> {
  const ordered = [...records].sort((a, b) => compareSequenceNumbers(a.kinesis.sequenceNumber, b.kinesis.sequenceNumber));
  const outputs: T[] = [];
  const ownerOfOutput: number[] = [];
  const deadLetters: DeadLetterRequest[] = [];
  let firstFailure = ordered.length;
  let stoppedBecause: string | undefined;

  for (let i = 0; i < ordered.length; i++) {
    if (options.remainingTimeMs() < options.reserveMs) {
      firstFailure = i;
      stoppedBecause = `time running out: ${ordered.length - i} record(s) left for redelivery`;
      break;
    }
    const record = ordered[i] as KinesisEventRecord;
    let outcome: RecordOutcome<T>;
    try {
      outcome = await stage.process(record);
    } catch (err) {
      outcome = { kind: 'retry', error: (err as Error).message };
    }
    if (outcome.kind === 'retry') {
      firstFailure = i;
      stoppedBecause = `record ${record.kinesis.sequenceNumber} failed: ${outcome.error}`;
      break;
    }
    if (outcome.kind === 'dead-letter') {
      deadLetters.push({ record, reason: outcome.reason, error: outcome.error });
      continue;
    }
    for (const output of outcome.outputs) {
      outputs.push(output);
      ownerOfOutput.push(i);
    }
  }

  if (outputs.length > 0) {
    const failedWrites = await writeOrFailAll(stage, outputs);
    for (const index of failedWrites) firstFailure = Math.min(firstFailure, ownerOfOutput[index] as number);
    if (failedWrites.size > 0) stoppedBecause ??= `${failedWrites.size} output(s) could not be written`;
  }

  const letters = deadLetters.filter((d) => ordered.indexOf(d.record) < firstFailure);
  if (letters.length > 0) {
    try {
      await stage.deadLetter(letters);
    } catch (err) {
      // Nowhere to put them: the records are retried rather than lost.
      firstFailure = Math.min(firstFailure, ordered.indexOf(letters[0]?.record as KinesisEventRecord));
      stoppedBecause = `dead letters could not be stored: ${(err as Error).message}`;
    }
  }

  const failed = ordered.slice(firstFailure).map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber }));
  return {
    response: { batchItemFailures: failed },
    processed: firstFailure,
    outputs: outputs.filter((_, index) => (ownerOfOutput[index] as number) < firstFailure).length,
    deadLettered: letters.length,
    failed: failed.length,
    ...(stoppedBecause === undefined ? {} : { stoppedBecause }),
  };
}

async function writeOrFailAll<T>(stage: BatchStage<T>, outputs: readonly T[]): Promise<ReadonlySet<number>> {
  try {
    return await stage.write(outputs);
  } catch {
    // An unexpected write error: nothing is known to be written, so every record is retried.
    return new Set(outputs.keys());
  }
}
