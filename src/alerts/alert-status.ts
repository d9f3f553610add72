import type { Client } from '@opensearch-project/opensearch';
import { bulkWrite, getAlert } from '../opensearch';
import type { AlertStatus } from './alert-document';

export interface StatusChange {
  readonly status: AlertStatus;
  readonly by: string;
  readonly note?: string;
  readonly at: Date;
}

export type StatusChangeResult = { readonly ok: true; readonly previous: string } | { readonly ok: false; readonly reason: string };

/**
 * Changes an alert's status and appends who did it, when and why to `alert.history`. The write
 * is conditional on the version read (if_seq_no/if_primary_term), so two analysts changing the
 * same alert cannot overwrite each other's history: a conflict is retried on the fresh version.
 */
export async function changeAlertStatus(client: Client, index: string, id: string, change: StatusChange, attempts = 3): Promise<StatusChangeResult> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const hit = await getAlert(client, index, id);
    if (hit === undefined) return { ok: false, reason: `no alert ${id}` };
    const alert = (hit.document['alert'] ?? {}) as { status?: string; history?: unknown[] };
    const entry = { at: change.at.toISOString(), by: change.by, action: change.status, ...(change.note === undefined ? {} : { note: change.note }) };
    const ifMatch = hit.seqNo !== undefined && hit.primaryTerm !== undefined ? { ifMatch: { seqNo: hit.seqNo, primaryTerm: hit.primaryTerm } } : {};
    const report = await bulkWrite(client, [{ action: 'update', index, id, document: { alert: { status: change.status, history: [...(alert.history ?? []), entry] } }, ...ifMatch }], { refresh: 'wait_for' });
    if (report.written === 1) return { ok: true, previous: alert.status ?? 'open' };
    const failure = report.permanentFailures[0] ?? report.retriesExhausted[0];
    if (failure?.type !== 'version_conflict_engine_exception') return { ok: false, reason: `${failure?.type ?? 'error'}: ${failure?.reason ?? 'not written'}` };
  }
  return { ok: false, reason: 'the alert kept changing while it was being updated; try again' };
}
