import { compareSequenceNumbers } from '../kinesis/sequence-number';

/** The last sequence number fully handled per shard id: reading resumes after it. */
export type Checkpoints = Readonly<Record<string, string>>;

/** Where a mapping keeps its progress, so a restart neither reprocesses nor skips records. */
export interface CheckpointStore {
  load(): Promise<Checkpoints>;
  /** Moves a shard's checkpoint forward; resolves once it is durable. Never moves backwards. */
  save(shardId: string, sequenceNumber: string): Promise<void>;
}

export class CheckpointRegressionError extends Error {
  override readonly name = 'CheckpointRegressionError';
}

/** Applies a save to a checkpoint map, refusing to move a shard backwards (that would redeliver done work silently). */
export function advanceCheckpoint(checkpoints: Record<string, string>, shardId: string, sequenceNumber: string): void {
  const current = checkpoints[shardId];
  if (current !== undefined && compareSequenceNumbers(sequenceNumber, current) < 0) {
    throw new CheckpointRegressionError(`checkpoint of ${shardId} would move back from ${current} to ${sequenceNumber}`);
  }
  checkpoints[shardId] = sequenceNumber;
}

/** Checkpoints in memory only: for tests, and for runs that should always start from the oldest record. */
export function memoryCheckpointStore(initial: Checkpoints = {}): CheckpointStore & { readonly checkpoints: Checkpoints } {
  const checkpoints: Record<string, string> = { ...initial };
  return {
    checkpoints,
    load: async () => ({ ...checkpoints }),
    save: async (shardId, sequenceNumber) => advanceCheckpoint(checkpoints, shardId, sequenceNumber),
  };
}
