import type { Context } from 'aws-lambda';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { kinesisEventSchema } from '../../src/batch/kinesis-event';
import { failAll } from '../../src/batch/fail-all';
import { processBatch } from '../../src/batch/process-batch';
import { indexEventsStage } from '../../src/index-events/index-events-stage';
import { openSearchEventStore } from '../../src/index-events/opensearch-event-store';
import { count, createMetrics } from '../../src/observability/metrics';
import { createOpenSearchClient, indexNamesFor, readOpenSearchConfig } from '../../src/opensearch';
import { setupOnFirstUse } from '../../src/opensearch/setup-once';
import { deadLetterSinkFor } from '../../src/runtime/dependencies';
import { readSettings } from '../../src/runtime/settings';

// Cold start: settings and clients are immutable and shared by invocations.
const settings = readSettings(process.env);
const openSearch = readOpenSearchConfig(process.env);
const client = createOpenSearchClient(openSearch);
const ensureSetup = setupOnFirstUse(client, { names: indexNamesFor(openSearch.indexPrefix), replicas: openSearch.replicas });
const deadLetters = deadLetterSinkFor(settings.deadLetters, settings.region);
const metrics = createMetrics('index-events');

/** The "normalized" stream → every event into the daily events indices. */
export async function handler(event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<BatchResponse> {
  const parsed = kinesisEventSchema.safeParse(event);
  if (!parsed.success) throw new Error(`index-events expects a Kinesis event: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
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
  const stage = indexEventsStage({ events: openSearchEventStore({ client, indexPrefix: openSearch.indexPrefix, deadLetters, now, deadline }), deadLetters, now });
  const report = await processBatch(parsed.data.Records, stage, { remainingTimeMs: () => context.getRemainingTimeInMillis(), reserveMs: settings.timeReserveMs });
  count(metrics, 'EventsIndexed', report.outputs);
  count(metrics, 'DeadLetteredRecords', report.deadLettered);
  count(metrics, 'RecordsRetried', report.failed);
  metrics.publishStoredMetrics();
  return report.response;
}
