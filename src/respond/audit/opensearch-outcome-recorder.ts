import { hash } from 'node:crypto';
import type { Client } from '@opensearch-project/opensearch';
import { bulkWrite, getAlert } from '../../opensearch';
import type { BulkOperation } from '../../opensearch';
import type { OutcomeEntry, OutcomeRecorder } from '../outcome-recorder';

export interface OpenSearchRecorderDeps {
  readonly client: Client;
  readonly alertsIndex: string;
  readonly responsesIndex: string;
  /** `wait_for` in tests and the CLI, so what was recorded is searchable at once. */
  readonly refresh?: 'wait_for';
}

interface ResponseAction {
  readonly id: string;
  readonly route: string;
  readonly hook: string;
  readonly kind: string;
  readonly target: string;
  readonly outcome: string;
  readonly at: string;
  readonly dry_run: boolean;
  readonly by?: string;
  readonly error?: string;
}

/**
 * Outcomes in OpenSearch: an audit document per outcome (deterministic id, so a redelivery that
 * records the same outcome again changes nothing; skipped duplicates keep one document per action
 * and state, so an alert storm cannot flood the index), and the alert's `response.*`: one entry
 * per action with its latest outcome. The alert is updated conditionally on the version read,
 * like analysts' status changes, so concurrent writers never drop each other's entries.
 */
export function openSearchOutcomeRecorder(deps: OpenSearchRecorderDeps): OutcomeRecorder {
  return {
    async record(entries) {
      if (entries.length === 0) return;
      const operations: BulkOperation[] = entries.map((e) => ({
        action: e.outcome === 'skipped-duplicate' ? 'index' : 'create',
        index: deps.responsesIndex,
        id: auditIdOf(e),
        document: auditDocument(e),
      }));
      const report = await bulkWrite(deps.client, operations, deps.refresh === undefined ? {} : { refresh: deps.refresh });
      const failures = [...report.permanentFailures, ...report.retriesExhausted];
      if (failures.length > 0) throw new Error(`audit index: ${failures.length} outcome(s) not recorded: ${failures[0]?.type}: ${failures[0]?.reason}`);
      const byAlert = new Map<string, OutcomeEntry[]>();
      for (const e of entries) if (e.outcome !== 'skipped-duplicate') byAlert.set(e.alertId, [...(byAlert.get(e.alertId) ?? []), e]);
      for (const [alertId, alertEntries] of byAlert) await updateAlert(deps, alertId, alertEntries);
    },
  };
}

export function auditIdOf(e: OutcomeEntry): string {
  const key = e.outcome === 'skipped-duplicate' ? `${e.actionId}\u0000${e.outcome}\u0000${e.existingState ?? ''}` : `${e.actionId}\u0000${e.outcome}`;
  return hash('sha256', key, 'base64url').slice(0, 32);
}

export function auditDocument(e: OutcomeEntry): Record<string, unknown> {
  return {
    '@timestamp': e.at.toISOString(),
    action: {
      id: e.actionId,
      route: e.route,
      hook: e.hook,
      kind: e.hookKind,
      target: e.target,
      outcome: e.outcome,
      dry_run: e.dryRun,
      approval_required: e.approvalRequired,
      ...(e.by === undefined ? {} : { by: e.by }),
      ...(e.existingState === undefined ? {} : { existing_state: e.existingState }),
      ...(e.attempts === undefined ? {} : { attempts: e.attempts }),
      ...(e.error === undefined ? {} : { error: e.error }),
      ...(e.request === undefined ? {} : { request: e.request }),
      ...(e.detail === undefined ? {} : { detail: e.detail }),
    },
    alert: { id: e.alertId },
    rule: { id: e.ruleId, ...(e.ruleTitle === undefined ? {} : { title: e.ruleTitle }), ...(e.level === undefined ? {} : { level: e.level }) },
  };
}

function responseActionOf(e: OutcomeEntry): ResponseAction {
  return {
    id: e.actionId,
    route: e.route,
    hook: e.hook,
    kind: e.hookKind,
    target: e.target,
    outcome: e.outcome,
    at: e.at.toISOString(),
    dry_run: e.dryRun,
    ...(e.by === undefined ? {} : { by: e.by }),
    ...(e.error === undefined ? {} : { error: e.error.slice(0, 2_000) }),
  };
}

async function updateAlert(deps: OpenSearchRecorderDeps, alertId: string, entries: readonly OutcomeEntry[], attempts = 5): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const hit = await getAlert(deps.client, deps.alertsIndex, alertId);
    // No alert document (an alert replayed from a file, or one that failed to index): the audit index has it all.
    if (hit === undefined) return;
    const current = ((hit.document['response'] as { actions?: ResponseAction[] } | undefined)?.actions ?? []).filter((a) => typeof a === 'object' && a !== null);
    const actions = [...current];
    for (const entry of entries) {
      const next = responseActionOf(entry);
      const i = actions.findIndex((a) => a.id === next.id);
      // Outcomes of one action only move forward in time; a late redelivery does not roll one back.
      if (i < 0) actions.push(next);
      else if ((actions[i] as ResponseAction).at <= next.at) actions[i] = next;
    }
    if (JSON.stringify(actions) === JSON.stringify(current)) return;
    const latest = actions.reduce((a, b) => (a.at >= b.at ? a : b));
    const ifMatch = hit.seqNo !== undefined && hit.primaryTerm !== undefined ? { ifMatch: { seqNo: hit.seqNo, primaryTerm: hit.primaryTerm } } : {};
    const report = await bulkWrite(
      deps.client,
      [{ action: 'update', index: deps.alertsIndex, id: alertId, document: { response: { status: latest.outcome, updated_at: latest.at, actions } }, ...ifMatch }],
      deps.refresh === undefined ? {} : { refresh: deps.refresh },
    );
    if (report.written === 1) return;
    const failure = report.permanentFailures[0] ?? report.retriesExhausted[0];
    if (failure?.type !== 'version_conflict_engine_exception') throw new Error(`alert ${alertId}: response not recorded: ${failure?.type ?? 'error'}: ${failure?.reason ?? ''}`);
  }
  throw new Error(`alert ${alertId} kept changing while its response was recorded; the delivery will be retried`);
}
