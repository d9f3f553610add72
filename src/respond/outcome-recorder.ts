import type { ActionOutcome } from './actions/action-record';

/** One outcome of one action, as the alert's `response.*` and the audit index record it. */
export interface OutcomeEntry {
  readonly actionId: string;
  readonly alertId: string;
  readonly ruleId: string;
  readonly ruleTitle?: string;
  readonly level?: string;
  readonly route: string;
  readonly hook: string;
  readonly hookKind: string;
  readonly target: string;
  readonly outcome: ActionOutcome;
  readonly at: Date;
  readonly dryRun: boolean;
  readonly approvalRequired: boolean;
  readonly error?: string;
  /** What the hook answered (a message id, the key's owner, the command that undoes it). */
  readonly detail?: Readonly<Record<string, unknown>>;
  /** The planned request, for dry-runs and actions awaiting approval. */
  readonly request?: Readonly<Record<string, unknown>>;
  /** Who approved or rejected. */
  readonly by?: string;
  /** For a skipped duplicate: the state the action was already in. */
  readonly existingState?: string;
  readonly attempts?: number;
}

/** Where outcomes go: OpenSearch in the pipeline. Throws when they could not be recorded (the delivery is then retried). */
export interface OutcomeRecorder {
  record(entries: readonly OutcomeEntry[]): Promise<void>;
}
