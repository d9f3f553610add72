import type { BulkOperation, BulkReport } from '.';

/** Which inputs (by the index of the input each operation belongs to) failed for now, and which for good. */
export interface WriteFailures {
  readonly retryable: Set<number>;
  readonly permanent: Map<number, string>;
}

/**
 * Maps a bulk report back onto the inputs its operations were made from (`ownerOf[i]` is the
 * input of operation i): a permanent failure is kept with its reason, a retryable one marks the
 * input for redelivery.
 */
export function failuresByInput(report: BulkReport, operations: readonly BulkOperation[], ownerOf: readonly number[]): WriteFailures {
  const retryable = new Set<number>();
  const permanent = new Map<number, string>();
  const position = new Map(operations.map((op, i) => [op, i]));
  for (const failure of report.retriesExhausted) retryable.add(ownerOf[position.get(failure.operation) ?? -1] ?? -1);
  for (const failure of report.permanentFailures) {
    const owner = ownerOf[position.get(failure.operation) ?? -1] ?? -1;
    if (!permanent.has(owner)) permanent.set(owner, `${failure.operation.index}/${failure.operation.id}: ${failure.status ?? ''} ${failure.type}: ${failure.reason}`.replace('  ', ' '));
  }
  retryable.delete(-1);
  permanent.delete(-1);
  return { retryable, permanent };
}
