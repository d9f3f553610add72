import { kinesisRecordsOf, readyOrRedeliver, reportBatch, writeDeadline } from '../../src/batch/consumer-handler';
import type { ConsumerContext } from '../../src/batch/consumer-handler';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { processBatch } from '../../src/batch/process-batch';
import { indexEventsStage } from '../../src/index-events/index-events-stage';
import { openSearchEventStore } from '../../src/index-events/opensearch-event-store';
import { createMetrics } from '../../src/observability/metrics';
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
export async function handler(event: unknown, context: ConsumerContext): Promise<BatchResponse> {
  const records = kinesisRecordsOf(event, 'index-events');
  const notReady = await readyOrRedeliver(ensureSetup, records, metrics);
  if (notReady !== undefined) return notReady;
  const now = () => new Date();
  const deadline = writeDeadline(context, settings.timeReserveMs);
  const stage = indexEventsStage({ events: openSearchEventStore({ client, indexPrefix: openSearch.indexPrefix, deadLetters, now, deadline }), deadLetters, now });
  const report = await processBatch(records, stage, { remainingTimeMs: () => context.getRemainingTimeInMillis(), reserveMs: settings.timeReserveMs });
  return reportBatch(metrics, report, { EventsIndexed: report.outputs });
}
