import { entryByteLength, KINESIS_LIMITS } from './record-limits';
import type { SizedEntry } from './record-limits';

/**
 * Groups entry indices, in input order, into PutRecords requests of at most 500 entries and
 * 5 MiB (reference B1). Every entry must already be within the 1 MiB record limit.
 */
export function planRequestBatches(entries: readonly SizedEntry[], indices: readonly number[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let currentBytes = 0;
  for (const index of indices) {
    const entry = entries[index];
    if (entry === undefined) throw new RangeError(`no entry at index ${index}`);
    const bytes = entryByteLength(entry);
    if (current.length === KINESIS_LIMITS.maxRequestEntries || currentBytes + bytes > KINESIS_LIMITS.maxRequestBytes) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(index);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
