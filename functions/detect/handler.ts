import type { Context } from 'aws-lambda';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { kinesisEventSchema } from '../../src/batch/kinesis-event';
import { failAll } from '../../src/batch/fail-all';
import { processBatch } from '../../src/batch/process-batch';
import { detectorFromBundle } from '../../src/detect/detection-bundle';
import { detectStage } from '../../src/detect/detect-stage';
import { readDetectionBundle } from '../../src/detect/load-bundle';
import { openSearchAlertStore } from '../../src/detect/opensearch-alert-store';
import { count, createMetrics } from '../../src/observability/metrics';
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
export async function handler(event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<BatchResponse> {
  const parsed = kinesisEventSchema.safeParse(event);
  if (!parsed.success) throw new Error(`detect expects a Kinesis event: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  // The stage is built per invocation: its writes must stop by this invocation's deadline.
  try {
    await ensureSetup();
  } catch (err) {
    console.error(`OpenSearch is not ready (${(err as Error).message}); the batch will be redelivered`);
    count(metrics, 'RecordsRetried', parsed.data.Records.length);
    metrics.publishStoredMetrics();
    return failAll(parsed.data.Records);
  }
  const now = () => new Date();
  const deadline = Date.now() + context.getRemainingTimeInMillis() - settings.timeReserveMs / 2;
  const stage = detectStage({ detector, alerts: openSearchAlertStore({ client, names, deadLetters, now, deadline }), deadLetters, now, ...(publish === undefined ? {} : { publish }) });
  const report = await processBatch(parsed.data.Records, stage, { remainingTimeMs: () => context.getRemainingTimeInMillis(), reserveMs: settings.timeReserveMs });
  count(metrics, 'EventsEvaluated', report.processed);
  count(metrics, 'RuleMatches', report.outputs);
  count(metrics, 'DeadLetteredRecords', report.deadLettered);
  count(metrics, 'RecordsRetried', report.failed);
  metrics.publishStoredMetrics();
  return report.response;
}
