/** What a running mapping reports, for a log line or a progress display (tagged values, no text to parse). */
export type MappingProgress =
  | { readonly type: 'shard-started'; readonly shardId: string; readonly after?: string }
  | {
      readonly type: 'invoked';
      readonly shardId: string;
      readonly requestId: string;
      readonly records: number;
      readonly firstSequenceNumber: string;
      readonly lastSequenceNumber: string;
      /** Deliveries so far starting at this record, this one included. */
      readonly attempt: number;
      readonly durationMs: number;
      readonly outcome: 'success' | 'failure';
      /** The lowest failed record, when the invocation failed. */
      readonly failedSequenceNumber?: string;
      readonly error?: string;
    }
  | { readonly type: 'retrying'; readonly shardId: string; readonly fromSequenceNumber: string; readonly records: number; readonly retry: number; readonly delayMs: number }
  | { readonly type: 'gave-up'; readonly shardId: string; readonly fromSequenceNumber: string; readonly toSequenceNumber: string; readonly records: number; readonly attempts: number; readonly error: string }
  | { readonly type: 'checkpointed'; readonly shardId: string; readonly sequenceNumber: string }
  | { readonly type: 'shard-ended'; readonly shardId: string }
  | { readonly type: 'error'; readonly shardId?: string; readonly during: 'list-shards' | 'read' | 'checkpoint' | 'on-failure' | 'run'; readonly error: string; readonly retryInMs?: number };

export type ProgressListener = (progress: MappingProgress) => void;

/** Wraps a listener so that a failing one never stops the records. */
export function safeListener(listener: ProgressListener | undefined): ProgressListener {
  return (progress) => {
    try {
      listener?.(progress);
    } catch {
      // A broken log line must not stop a shard.
    }
  };
}

/** Counts over a run. */
export interface MappingStats {
  invocations: number;
  /** Records checkpointed after the function handled them. */
  recordsSucceeded: number;
  failedInvocations: number;
  /** Records passed to onFailure after the retries ran out. */
  recordsGivenUp: number;
}

export function emptyStats(): MappingStats {
  return { invocations: 0, recordsSucceeded: 0, failedInvocations: 0, recordsGivenUp: 0 };
}
