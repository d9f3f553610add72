import type { DeadLetter, DeadLetterSink } from '../dead-letters/dead-letter';
import { actionIdOf } from './actions/action-id';
import type { ActionRecord, ActionState } from './actions/action-record';
import type { ActionStore } from './actions/action-store';
import type { RateLimiter } from './actions/rate-limiter';
import type { AlertDocument, AlertNotice } from './alert-notice';
import { alertDocumentSchema, encodeNotice } from './alert-notice';
import { durationMs } from './config/durations';
import type { ResponsesConfig, Route } from './config/responses-config';
import { executeWithRetries } from './execute-with-retries';
import type { Hook, PlannedAction } from './hooks/hook';
import { hookKind } from './hooks/hook';
import type { OutcomeEntry, OutcomeRecorder } from './outcome-recorder';
import { selectRoutes } from './select-routes';

export interface RespondDeps {
  readonly config: ResponsesConfig;
  readonly hooks: ReadonlyMap<string, Hook>;
  readonly store: ActionStore;
  readonly limiter: RateLimiter;
  readonly recorder: OutcomeRecorder;
  readonly deadLetters: DeadLetterSink;
  readonly now: () => Date;
  /** Everything dry-run, whatever responses.yml says (the local pipeline sets it). */
  readonly forceDryRun: boolean;
  /** How long an `executing` claim is held before another delivery may take over; default 5 minutes. */
  readonly leaseMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Where a notice came from, for its dead letters (so a redrive can find it again). */
export interface NoticeSource {
  readonly stream?: string;
  readonly shardId?: string;
  readonly sequenceNumber?: string;
  readonly partitionKey?: string;
}

const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Runs what routing selects for one notice. Each (alert, hook) is one action, claimed in the
 * store before anything is sent; a delivery that loses the claim records a skipped duplicate.
 * Failures of hooks are recorded and dead-lettered here; only infrastructure errors (store,
 * OpenSearch, dead-letter sink) are thrown, so the notice is delivered again.
 */
export async function respondToNotice(notice: AlertNotice, deps: RespondDeps, source: NoticeSource = {}): Promise<OutcomeEntry[]> {
  if (notice.kind === 'approved') return runApproved(notice, deps, source);
  const alert = alertDocumentSchema.parse(notice.alert);
  const entries: OutcomeEntry[] = [];
  const seen = new Set<string>();
  for (const route of selectRoutes(alert, deps.config)) {
    for (const ref of route.hooks) {
      const name = typeof ref === 'string' ? ref : ref.hook;
      // One action per hook and alert: a second route naming the same hook adds nothing.
      if (seen.has(name)) continue;
      seen.add(name);
      const hook = deps.hooks.get(name);
      if (hook === undefined) throw new Error(`route ${route.name} names hook ${name}, which was not created`);
      const entry = await runHook(alert, notice, route, typeof ref === 'string' ? {} : ref, hook, deps, source);
      entries.push(...entry);
    }
  }
  return entries;
}

interface HookReference {
  readonly dryRun?: boolean | undefined;
  readonly approval?: 'required' | 'none' | undefined;
}

/** Dry-run when any level asks for it; approval when any level requires it. */
export function modeOf(route: Route, ref: HookReference, hook: Hook, config: ResponsesConfig, forceDryRun: boolean): { dryRun: boolean; approvalRequired: boolean } {
  return {
    dryRun: forceDryRun || config.defaults.dryRun || route.dryRun === true || hook.config.dryRun === true || ref.dryRun === true,
    approvalRequired: route.approval === 'required' || hook.config.approval === 'required' || ref.approval === 'required',
  };
}

async function runHook(alert: AlertDocument, notice: Extract<AlertNotice, { kind: 'alert' }>, route: Route, ref: HookReference, hook: Hook, deps: RespondDeps, source: NoticeSource): Promise<OutcomeEntry[]> {
  const actionId = actionIdOf(alert.alert.id, hook.name);
  const mode = modeOf(route, ref, hook, deps.config, deps.forceDryRun);
  const planned = hook.plan({ alert, ...(notice.event === undefined ? {} : { event: notice.event }), actionId, accounts: deps.config.accounts });
  const base = {
    actionId,
    alertId: alert.alert.id,
    ruleId: alert.rule.id,
    route: route.name,
    hook: hook.name,
    hookKind: hookKind(hook.config),
    target: planned.ok ? planned.plan.target : '',
    plan: planned.ok ? JSON.stringify(planned.plan) : '{}',
  };
  const entryBase = { ...base, ...(alert.rule.title === '' ? {} : { ruleTitle: alert.rule.title }), ...(alert.rule.level === undefined ? {} : { level: alert.rule.level }), ...mode };
  const now = deps.now();
  const state: ActionState = !planned.ok ? (mode.dryRun ? 'dry-run' : 'failed') : mode.dryRun ? 'dry-run' : mode.approvalRequired ? 'awaiting-approval' : 'executing';
  const claim = await deps.store.claim(
    { ...base, ...(planned.ok ? {} : { error: planned.error }) },
    { state, now, leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS, retryFailed: notice.retryFailed === true },
  );
  if (!claim.claimed) return recordDuplicate(claim.existing, entryBase, deps);

  if (!planned.ok) {
    const entry: OutcomeEntry = { ...entryBase, outcome: state === 'dry-run' ? 'dry-run' : 'failed', at: now, error: planned.error };
    if (state === 'failed') await deps.deadLetters.send([respondLetter(notice, 'invalid-parameter', planned.error, now, source)]);
    await deps.recorder.record([entry]);
    return [entry];
  }
  if (state !== 'executing') {
    const entry: OutcomeEntry = { ...entryBase, outcome: state === 'dry-run' ? 'dry-run' : 'awaiting-approval', at: now, request: planned.plan.request };
    await deps.recorder.record([entry]);
    return [entry];
  }
  return runClaimed(claim.record, hook, planned.plan, entryBase, deps, () => notice, source);
}

/** An approved action: its stored plan is executed as it was proposed. */
async function runApproved(notice: Extract<AlertNotice, { kind: 'approved' }>, deps: RespondDeps, source: NoticeSource): Promise<OutcomeEntry[]> {
  const now = deps.now();
  const claim = await deps.store.claimApproved(notice.actionId, { now, leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS, retryFailed: notice.retryFailed === true });
  const fromRecord = (r: ActionRecord) => ({ actionId: r.actionId, alertId: r.alertId, ruleId: r.ruleId, route: r.route, hook: r.hook, hookKind: r.hookKind, target: r.target, dryRun: false, approvalRequired: true, ...(r.decidedBy === undefined ? {} : { by: r.decidedBy }) });
  if (!claim.claimed) return claim.existing === undefined ? [] : recordDuplicate(claim.existing, fromRecord(claim.existing), deps);
  const record = claim.record;
  const hook = deps.hooks.get(record.hook);
  if (hook === undefined) {
    const error = `hook ${record.hook} is no longer in responses.yml`;
    await deps.store.settle(record, 'failed', { error }, now);
    const entry: OutcomeEntry = { ...fromRecord(record), outcome: 'failed', at: now, error };
    await deps.deadLetters.send([respondLetter(notice, 'hook-failed', error, now, source)]);
    await deps.recorder.record([entry]);
    return [entry];
  }
  const plan = JSON.parse(record.plan) as PlannedAction;
  return runClaimed(record, hook, plan, fromRecord(record), deps, () => notice, source);
}

type EntryBase = Omit<OutcomeEntry, 'outcome' | 'at'>;

/** A claimed action: rate limits, then the call with retries, then the outcome everywhere. */
async function runClaimed(record: ActionRecord, hook: Hook, plan: PlannedAction, entryBase: EntryBase, deps: RespondDeps, noticeFor: () => AlertNotice, source: NoticeSource): Promise<OutcomeEntry[]> {
  const settle = async (state: ActionState, outcome: OutcomeEntry, fields: { error?: string; detail?: string; attempts?: number }): Promise<OutcomeEntry[]> => {
    // A lost claim means this worker outlived its lease; what it did is still recorded.
    await deps.store.settle(record, state, fields, deps.now());
    await deps.recorder.record([outcome]);
    return [outcome];
  };
  if (deps.forceDryRun) return settle('dry-run', { ...entryBase, dryRun: true, outcome: 'dry-run', at: deps.now(), request: plan.request }, {});

  const hookLimit = hook.config.rateLimit ?? deps.config.defaults.rateLimit;
  // A notification hook's target is its own endpoint, which the hook limit already covers; the
  // default per-target limit is for aws-action hooks, whose targets are keys, roles, functions.
  const targetLimit = hook.config.targetRateLimit ?? (hook.config.type === 'aws-action' ? deps.config.defaults.targetRateLimit : undefined);
  const now = deps.now();
  let suppressedBy: string | undefined;
  if (!(await deps.limiter.take(`hook#${hook.name}`, hookLimit.max, durationMs(hookLimit.per), now))) suppressedBy = `hook ${hook.name} is limited to ${hookLimit.max} action(s) per ${hookLimit.per}`;
  else if (targetLimit !== undefined && !(await deps.limiter.take(`target#${hook.name}#${plan.target}`, targetLimit.max, durationMs(targetLimit.per), now))) suppressedBy = `target ${plan.target} is limited to ${targetLimit.max} action(s) of ${hook.name} per ${targetLimit.per}`;
  if (suppressedBy !== undefined) return settle('suppressed', { ...entryBase, outcome: 'suppressed', at: now, error: suppressedBy }, { error: suppressedBy });

  const { result, attempts } = await executeWithRetries(hook, plan, { actionId: record.actionId, now: deps.now }, {
    attempts: hook.config.attempts ?? 3,
    ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
    ...(deps.random === undefined ? {} : { random: deps.random }),
  });
  const at = deps.now();
  if (result.kind === 'done') {
    const detail = result.detail ?? {};
    return settle('done', { ...entryBase, outcome: 'done', at, detail, attempts }, { detail: JSON.stringify(detail), attempts });
  }
  const error = `${result.kind === 'permanent' ? 'permanent failure' : `still failing after ${attempts} attempt(s)`}: ${result.error}`;
  await deps.deadLetters.send([respondLetter(noticeFor(), 'hook-failed', `${hook.name} (${record.actionId}): ${error}`, at, source)]);
  return settle('failed', { ...entryBase, outcome: 'failed', at, error, attempts }, { error, attempts });
}

const FINAL_OUTCOMES: ReadonlySet<string> = new Set(['done', 'failed', 'dry-run', 'awaiting-approval', 'approved', 'rejected', 'suppressed']);

/**
 * Another delivery already owns this action. Its outcome is recorded again (idempotently: the
 * audit document id is deterministic), in case the first delivery died before recording it,
 * together with the skipped duplicate.
 */
async function recordDuplicate(existing: ActionRecord | undefined, entryBase: EntryBase, deps: RespondDeps): Promise<OutcomeEntry[]> {
  const at = deps.now();
  const entries: OutcomeEntry[] = [];
  if (existing !== undefined && FINAL_OUTCOMES.has(existing.state)) {
    entries.push({
      ...entryBase,
      target: existing.target,
      outcome: existing.state as OutcomeEntry['outcome'],
      at: new Date(existing.updatedAt),
      ...(existing.error === undefined ? {} : { error: existing.error }),
      ...(existing.decidedBy === undefined ? {} : { by: existing.decidedBy }),
    });
  }
  entries.push({ ...entryBase, target: existing?.target ?? entryBase.target, outcome: 'skipped-duplicate', at, existingState: existing?.state ?? 'unknown' });
  await deps.recorder.record(entries);
  return entries.slice(-1);
}

/** A failed action's notice, marked so that a redrive may run failed actions again. */
function respondLetter(notice: AlertNotice, reason: string, error: string, at: Date, source: NoticeSource): DeadLetter {
  const data = encodeNotice({ ...notice, retryFailed: true });
  const where = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) as NoticeSource;
  return {
    stage: 'respond',
    reason,
    error: error.slice(0, 4_000),
    at: at.toISOString(),
    payload: { kind: 'kinesis-record', base64: Buffer.from(data).toString('base64') },
    ...(Object.keys(where).length === 0 ? {} : { source: where }),
  };
}
