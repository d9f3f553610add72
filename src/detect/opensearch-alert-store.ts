import type { Client } from '@opensearch-project/opensearch';
import type { AlertCandidate } from '../alerts/alert-document';
import { alertDocument, matchDocument } from '../alerts/alert-document';
import { eventLetter } from '../dead-letters/event-letters';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import { bulkWrite, countMatches, fitFlatObjects, refreshIndex } from '../opensearch';
import type { BulkOperation, IndexNames } from '../opensearch';
import { failuresByInput } from '../opensearch/write-report';
import type { AlertStore } from './alert-store';

export interface OpenSearchAlertStoreDeps {
  readonly client: Client;
  readonly names: IndexNames;
  readonly deadLetters: DeadLetterSink;
  readonly now: () => Date;
  readonly deadline?: number;
}

/**
 * Alerts in OpenSearch, exactly once (the integ-test distribution has no scripting, and a
 * counter incremented per delivery would count replays twice):
 * 1. every match is a document `<alert id, event id>` created once (409 on replay);
 * 2. every alert is created once, from the first event that raised it, with status `open`;
 * 3. each touched alert's `count`, `first_seen` and `last_seen` are then recomputed from its
 *    matches and written as a partial update, which leaves analyst fields (status, history) alone.
 * Any step can be repeated with the same result, so redelivered batches are harmless.
 */
export function openSearchAlertStore(deps: OpenSearchAlertStoreDeps): AlertStore {
  const options = deps.deadline === undefined ? {} : { deadline: deps.deadline };
  return {
    async record(candidates) {
      if (candidates.length === 0) return { failed: new Set() };
      const firstOf = new Map<string, number>();
      candidates.forEach((c, i) => {
        if (!firstOf.has(c.alertId)) firstOf.set(c.alertId, i);
      });
      const operations: BulkOperation[] = [];
      const ownerOf: number[] = [];
      candidates.forEach((c, i) => {
        operations.push({ action: 'create', index: deps.names.alertMatches, id: c.matchId, document: matchDocument(c) });
        ownerOf.push(i);
      });
      for (const [id, i] of firstOf) {
        operations.push({ action: 'create', index: deps.names.alerts, id, document: fitFlatObjects(alertDocument(candidates[i] as AlertCandidate)).document });
        ownerOf.push(i);
      }
      const report = await bulkWrite(deps.client, operations, options);
      const created = failuresByInput(report, operations, ownerOf);
      await deadLetterRejected(candidates, created.permanent, deps);

      // Alerts whose writes all went through get their counts recomputed; the rest are retried
      // whole (or, when OpenSearch refused the alert document for good, were dead-lettered above).
      const blocked = new Set([...created.retryable].map((i) => (candidates[i] as AlertCandidate).alertId));
      const refused = new Set(report.permanentFailures.filter((f) => f.operation.index === deps.names.alerts).map((f) => f.operation.id));
      const countFailures = await updateCounts([...firstOf.keys()].filter((id) => !blocked.has(id) && !refused.has(id)), deps, options);
      const failed = new Set<number>();
      candidates.forEach((c, i) => {
        if (blocked.has(c.alertId) || countFailures.has(c.alertId)) failed.add(i);
      });
      return { failed };
    },
  };
}

async function deadLetterRejected(candidates: readonly AlertCandidate[], permanent: ReadonlyMap<number, string>, deps: OpenSearchAlertStoreDeps): Promise<void> {
  if (permanent.size === 0) return;
  const at = deps.now();
  await deps.deadLetters.send([...permanent].map(([i, error]) => eventLetter('detect', (candidates[i] as AlertCandidate).event, error, at)));
}

async function updateCounts(alertIds: readonly string[], deps: OpenSearchAlertStoreDeps, options: { deadline?: number }): Promise<ReadonlySet<string>> {
  if (alertIds.length === 0) return new Set();
  try {
    await refreshIndex(deps.client, deps.names.alertMatches);
    const counts = await countMatches(deps.client, deps.names.alertMatches, alertIds);
    const operations: BulkOperation[] = [...counts].map(([id, summary]) => ({
      action: 'update',
      index: deps.names.alerts,
      id,
      document: {
        ...(summary.firstSeen === undefined ? {} : { '@timestamp': summary.firstSeen }),
        alert: { count: summary.count, ...(summary.firstSeen === undefined ? {} : { first_seen: summary.firstSeen }), ...(summary.lastSeen === undefined ? {} : { last_seen: summary.lastSeen }) },
      },
    }));
    const report = await bulkWrite(deps.client, operations, options);
    return new Set([...report.retriesExhausted, ...report.permanentFailures].map((f) => f.operation.id));
  } catch {
    // The counts could not be read or written: the alerts are retried with their batch.
    return new Set(alertIds);
  }
}
