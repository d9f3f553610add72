import { kinesisRecordsOf, readyOrRedeliver, reportBatch, writeDeadline } from '../../src/batch/consumer-handler';
import type { ConsumerContext } from '../../src/batch/consumer-handler';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { processBatch } from '../../src/batch/process-batch';
import { detectorFromBundle } from '../../src/detect/detection-bundle';
import { detectStage } from '../../src/detect/detect-stage';
import { readDetectionBundle } from '../../src/detect/load-bundle';
import { openSearchAlertStore } from '../../src/detect/opensearch-alert-store';
import { createMetrics } from '../../src/observability/metrics';
import { createOpenSearchClient, indexNamesFor, readOpenSearchConfig } from '../../src/opensearch';
import { setupOnFirstUse } from '../../src/opensearch/setup-once';
import { alertsStreamFrom } from '../../src/respond/alerts-stream';
import { streamAlertPublisher } from '../../src/respond/publish-alerts';
import { deadLetterSinkFor, kinesisClientFor } from '../../src/runtime/dependencies';
import { kinesisStreamWriter } from '../../src/streams/kinesis-writer';
import { readSettings } from '../../src/runtime/settings';

// Cold start: the rules are compiled once from the bundle built from detections/ (no directory
// walking here); settings, clients and compiled rules are immutable and shared by invocations.
const settings = readSettings(process.env);
const openSearch = readOpenSearchConfig(process.env);
const client = createOpenSearchClient(openSearch);
const names = indexNamesFor(openSearch.indexPrefix);
const ensureSetup = setupOnFirstUse(client, { names, replicas: openSearch.replicas });
const detector = detectorFromBundle(readDetectionBundle(process.env));
const deadLetters = deadLetterSinkFor(settings.deadLetters, settings.region);
const metrics = createMetrics('detect');
// LOGWARDEN_ALERTS_STREAM set: alerts are also published to the alerts stream for `respond`.
const alertsStream = alertsStreamFrom(process.env);
const publish = alertsStream === undefined ? undefined : streamAlertPublisher(kinesisStreamWriter(kinesisClientFor(settings), alertsStream));

/** The "normalized" stream → Sigma rules on every event → alerts in OpenSearch. */
export async function handler(event: unknown, context: ConsumerContext): Promise<BatchResponse> {
  const records = kinesisRecordsOf(event, 'detect');
  const notReady = await readyOrRedeliver(ensureSetup, records, metrics);
  if (notReady !== undefined) return notReady;
  // The stage is built per invocation: its writes must stop by this invocation's deadline.
  const now = () => new Date();
  const deadline = writeDeadline(context, settings.timeReserveMs);
  const stage = detectStage({ detector, alerts: openSearchAlertStore({ client, names, deadLetters, now, deadline }), deadLetters, now, ...(publish === undefined ? {} : { publish }) });
  const report = await processBatch(records, stage, { remainingTimeMs: () => context.getRemainingTimeInMillis(), reserveMs: settings.timeReserveMs });
  return reportBatch(metrics, report, { EventsEvaluated: report.processed, RuleMatches: report.outputs });
}
