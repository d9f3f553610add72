import type { Context } from 'aws-lambda';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { kinesisEventSchema } from '../../src/batch/kinesis-event';
import { processBatch } from '../../src/batch/process-batch';
import { createNormalizer } from '../../src/normalize/create-normalizer';
import { normalizeStage } from '../../src/normalize/normalize-stage';
import { count, createMetrics } from '../../src/observability/metrics';
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
export async function handler(event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>): Promise<BatchResponse> {
  const parsed = kinesisEventSchema.safeParse(event);
  if (!parsed.success) {
    // Not a Kinesis batch at all (misconfigured trigger): fail loudly, nothing can be reported per record.
    throw new Error(`normalize expects a Kinesis event: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  }
  const report = await processBatch(parsed.data.Records, stage, { remainingTimeMs: () => context.getRemainingTimeInMillis(), reserveMs: settings.timeReserveMs });
  count(metrics, 'RecordsProcessed', report.processed);
  count(metrics, 'EventsNormalized', report.outputs);
  count(metrics, 'DeadLetteredRecords', report.deadLettered);
  count(metrics, 'RecordsRetried', report.failed);
  metrics.publishStoredMetrics();
  return report.response;
}
