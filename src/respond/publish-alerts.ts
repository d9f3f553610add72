import type { AlertCandidate } from '../alerts/alert-document';
import { alertDocument } from '../alerts/alert-document';
import { fitFlatObjects } from '../opensearch';
import type { StreamWriter } from '../streams/stream-writer';
import type { AlertNotice } from './alert-notice';
import { alertDocumentSchema, encodeNotice } from './alert-notice';
import { alertPayload } from './hooks/alert-payload';

/** Hands recorded alerts on to the alerts stream. */
export interface AlertPublisher {
  /** Resolves with the indexes of candidates whose alert could not be published (their records are retried). */
  publish(candidates: readonly AlertCandidate[]): Promise<ReadonlySet<number>>;
}

// Under Kinesis's 1 MiB per record, with room for the partition key.
const MAX_NOTICE_BYTES = 1_000_000;

/**
 * One notice per alert touched by the batch, created or updated: publishing only new alerts
 * would lose one whenever detect stopped between writing it and publishing it, since the retried
 * batch finds the alert already there. respond's action ids make the repeats harmless.
 */
export function streamAlertPublisher(write: StreamWriter): AlertPublisher {
  return {
    async publish(candidates) {
      const firstOf = new Map<string, number>();
      candidates.forEach((c, i) => {
        if (!firstOf.has(c.alertId)) firstOf.set(c.alertId, i);
      });
      if (firstOf.size === 0) return new Set();
      const ids = [...firstOf.keys()];
      const entries = ids.map((id) => ({ data: encodeNotice(noticeFor(candidates[firstOf.get(id) as number] as AlertCandidate)), partitionKey: id.slice(0, 256) }));
      const { failed } = await write(entries);
      const failedAlerts = new Set([...failed].map((i) => ids[i]));
      return new Set(candidates.flatMap((c, i) => (failedAlerts.has(c.alertId) ? [i] : [])));
    },
  };
}

/** The alert as indexed (masked) and the event unmasked, shrunk to fit a record if need be. */
export function noticeFor(candidate: AlertCandidate): AlertNotice {
  const alert = fitFlatObjects(alertDocument(candidate)).document as Record<string, unknown>;
  const full: AlertNotice = { kind: 'alert', version: 1, alert, event: candidate.event as Record<string, unknown> };
  if (encodeNotice(full).byteLength <= MAX_NOTICE_BYTES) return full;
  // Without the event, parameters are read from the masked alert only (and masked ones fail validation).
  const withoutEvent: AlertNotice = { kind: 'alert', version: 1, alert };
  if (encodeNotice(withoutEvent).byteLength <= MAX_NOTICE_BYTES) return withoutEvent;
  const compact = JSON.parse(alertPayload(alertDocumentSchema.parse(alert), MAX_NOTICE_BYTES - 1_000)) as { alert: Record<string, unknown> };
  return { kind: 'alert', version: 1, alert: compact.alert };
}
