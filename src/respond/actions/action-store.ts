import type { ActionRecord, ActionState, NewAction } from './action-record';

export type ClaimResult = { readonly claimed: true; readonly record: ActionRecord } | { readonly claimed: false; readonly existing: ActionRecord | undefined };

export interface ClaimOptions {
  /** The state the claim records: `executing` (with a lease), or a final one (dry-run, awaiting-approval, failed). */
  readonly state: ActionState;
  readonly now: Date;
  readonly leaseMs: number;
  /** A redriven dead letter: a `failed` action may be taken again. */
  readonly retryFailed: boolean;
}

export type SettleFields = Partial<Pick<ActionRecord, 'error' | 'detail' | 'attempts'>>;

/**
 * The idempotency store: an action is recorded with a conditional write before anything is sent,
 * so of two deliveries of the same alert exactly one proceeds (DynamoDB in AWS; the integration
 * tests run the same code against dynalite).
 */
export interface ActionStore {
  /** Records a new action, or takes over a dead worker's or a redriven failed one; otherwise returns what is there. */
  claim(action: NewAction, options: ClaimOptions): Promise<ClaimResult>;
  /** Takes an approved action for execution (from `approved`, an expired lease, or `failed` on redrive). */
  claimApproved(actionId: string, options: Omit<ClaimOptions, 'state'>): Promise<ClaimResult>;
  /** Ends a claim this worker holds; false when the claim was lost (its lease expired and another took it). */
  settle(record: ActionRecord, to: ActionState, fields: SettleFields, now: Date): Promise<boolean>;
  /** A person's decision on an action awaiting approval; false when it is not awaiting approval. */
  decide(actionId: string, decision: 'approved' | 'rejected', by: string, now: Date): Promise<ActionRecord | undefined>;
  get(actionId: string): Promise<ActionRecord | undefined>;
}
