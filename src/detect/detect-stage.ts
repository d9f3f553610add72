import type { AlertCandidate } from '../alerts/alert-document';
import type { BatchStage, DeadLetterRequest, RecordOutcome } from '../batch/process-batch';
import type { KinesisEventRecord } from '../batch/kinesis-event';
import { deadLettersFrom } from '../batch/dead-letter-requests';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import { decodeNormalizedEvent } from '../normalize/normalized-record';
import type { AlertPublisher } from '../respond/publish-alerts';
import type { AlertStore } from './alert-store';
import type { Detector } from './match-event';
import { matchEvent } from './match-event';

export interface DetectStageDeps {
  readonly detector: Detector;
  readonly alerts: AlertStore;
  readonly deadLetters: DeadLetterSink;
  readonly now: () => Date;
  /** Hands recorded alerts to the alerts stream (and so to `respond`); absent: alerts stay in OpenSearch only. */
  readonly publish?: AlertPublisher;
}

/**
 * The `detect` stage over one batch of the "normalized" stream: every event is evaluated
 * against the compiled rules; matches become alert candidates, recorded in the alert store.
 */
export function detectStage(deps: DetectStageDeps): BatchStage<AlertCandidate> {
  return {
    process(record: KinesisEventRecord): RecordOutcome<AlertCandidate> {
      const decoded = decodeNormalizedEvent(Buffer.from(record.kinesis.data, 'base64'));
      if (!decoded.ok) return { kind: 'dead-letter', reason: 'undecodable-event', error: decoded.error };
      return { kind: 'processed', outputs: matchEvent(decoded.event, deps.detector) };
    },
    async write(candidates) {
      const { failed } = await deps.alerts.record(candidates);
      if (deps.publish === undefined) return failed;
      // Only alerts that are in OpenSearch are published; the rest are retried with their records.
      const recorded = candidates.flatMap((c, i) => (failed.has(i) ? [] : [{ c, i }]));
      const unpublished = await deps.publish.publish(recorded.map((r) => r.c));
      return new Set([...failed, ...[...unpublished].map((j) => (recorded[j] as { i: number }).i)]);
    },
    async deadLetter(requests: readonly DeadLetterRequest[]) {
      await deps.deadLetters.send(deadLettersFrom('detect', requests, deps.now()));
    },
  };
}
