import { z } from 'zod';

/**
 * Where an action stands in the store. `executing` holds a lease: a worker that died mid-action
 * leaves it to expire, and the next delivery takes over. `failed` can be taken again only by a
 * redriven dead letter; every other end state is final.
 */
export const ACTION_STATES = ['executing', 'done', 'failed', 'dry-run', 'awaiting-approval', 'approved', 'rejected', 'suppressed'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** What is recorded on the alert and in the audit index: a state reached, or a delivery that changed nothing. */
export const ACTION_OUTCOMES = ['done', 'failed', 'dry-run', 'awaiting-approval', 'approved', 'rejected', 'suppressed', 'skipped-duplicate'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

export const actionRecordSchema = z.object({
  actionId: z.string(),
  alertId: z.string(),
  ruleId: z.string(),
  route: z.string(),
  hook: z.string(),
  hookKind: z.string(),
  target: z.string(),
  state: z.enum(ACTION_STATES),
  /** The planned request as JSON: what an approval executes. */
  plan: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Epoch ms until which an `executing` claim is held. */
  leaseUntil: z.number().optional(),
  /** Random per claim: only its holder may settle it. */
  claimToken: z.string().optional(),
  attempts: z.number().int().default(0),
  error: z.string().optional(),
  detail: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedAt: z.iso.datetime().optional(),
});

export type ActionRecord = z.infer<typeof actionRecordSchema>;

/** A new action as a worker proposes it; the store fills in times, lease and token. */
export type NewAction = Pick<ActionRecord, 'actionId' | 'alertId' | 'ruleId' | 'route' | 'hook' | 'hookKind' | 'target' | 'plan'> & { readonly error?: string };
