import { z } from 'zod';
import type { KinesisEventRecord } from '../batch/kinesis-event';

/** What the handler did with a batch, as it settled. */
export type InvocationResult = { readonly kind: 'returned'; readonly value: unknown } | { readonly kind: 'threw'; readonly error: unknown };

/** What Lambda makes of it: success, or a failure from one record on (0: the whole batch). */
export type InvocationOutcome =
  | { readonly kind: 'success' }
  | {
      readonly kind: 'failure';
      /** Index of the lowest failed record in the batch: the records before it are done. */
      readonly failedFrom: number;
      readonly reason: string;
      /** Lambda's functionError: set when the function itself errored, not when it reported failures. */
      readonly functionError?: 'Unhandled';
    };

// The partial batch response (ReportBatchItemFailures). Other keys are ignored, as Lambda does.
const batchResponseSchema = z.union([
  z.null(),
  z.undefined(),
  z.object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string().min(1) })).nullish() }),
]);

/**
 * Interprets an invocation the way Lambda does with ReportBatchItemFailures
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html):
 * an absent, null or empty `batchItemFailures` is success; otherwise the lowest reported sequence
 * number is where the batch failed. A thrown error, a response of the wrong shape, an empty or
 * missing `itemIdentifier`, or one that is not in the batch fails the whole batch.
 * `records` must be in sequence order, as a shard delivers them.
 */
export function outcomeOf(records: readonly KinesisEventRecord[], result: InvocationResult): InvocationOutcome {
  if (result.kind === 'threw') return { kind: 'failure', failedFrom: 0, reason: `the function threw: ${describeError(result.error)}`, functionError: 'Unhandled' };
  const parsed = batchResponseSchema.safeParse(result.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'failure', failedFrom: 0, reason: `invalid batch response (${issue?.path.join('.') || 'response'}: ${issue?.message}): the whole batch failed` };
  }
  const failures = parsed.data?.batchItemFailures ?? [];
  if (failures.length === 0) return { kind: 'success' };
  const indexOf = new Map(records.map((r, i) => [r.kinesis.sequenceNumber, i]));
  let failedFrom = records.length;
  for (const { itemIdentifier } of failures) {
    const index = indexOf.get(itemIdentifier);
    if (index === undefined) return { kind: 'failure', failedFrom: 0, reason: `batch response names ${itemIdentifier}, which is not in the batch: the whole batch failed` };
    failedFrom = Math.min(failedFrom, index);
  }
  const first = records[failedFrom]?.kinesis.sequenceNumber;
  return { kind: 'failure', failedFrom, reason: `the function reported ${failures.length} failed record(s), the lowest ${first}` };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
}
