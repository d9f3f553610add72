import { kinesisRecordsOf, reportBatch } from '../../src/batch/consumer-handler';
import type { ConsumerContext } from '../../src/batch/consumer-handler';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { processBatch } from '../../src/batch/process-batch';
import { createNormalizer } from '../../src/normalize/create-normalizer';
import { normalizeStage } from '../../src/normalize/normalize-stage';
import { createMetrics } from '../../src/observability/metrics';
import { deadLetterSinkFor, kinesisClientFor } from '../../src/runtime/dependencies';
import { readSettings } from '../../src/runtime/settings';
import { kinesisStreamWriter } from '../../src/streams/kinesis-writer';

// Cold start: settings, clients, parsers and sinks are immutable and shared by every invocation.
const settings = readSettings(process.env);
const stage = normalizeStage({
  normalizer: createNormalizer(settings.normalize),
  writeNormalized: kinesisStreamWriter(kinesisClientFor(settings), settings.streams.normalized),
  deadLetters: deadLetterSinkFor(settings.deadLetters, settings.region),
  now: () => new Date(),
});
const metrics = createMetrics('normalize');

/** The "raw" stream → one normalized event per log event → the "normalized" stream. */
export async function handler(event: unknown, context: ConsumerContext): Promise<BatchResponse> {
  const records = kinesisRecordsOf(event, 'normalize');
  const report = await processBatch(records, stage, { remainingTimeMs: () => context.getRemainingTimeInMillis(), reserveMs: settings.timeReserveMs });
  return reportBatch(metrics, report, { RecordsProcessed: report.processed, EventsNormalized: report.outputs });
}
