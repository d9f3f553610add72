import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { count } from '../observability/metrics';
import { failAll } from './fail-all';
import type { BatchResponse, KinesisEventRecord } from './kinesis-event';
import { kinesisEventSchema } from './kinesis-event';
import type { BatchReport } from './process-batch';

export type ConsumerContext = Pick<Context, 'getRemainingTimeInMillis'>;

/** The batch's records; anything but a Kinesis event (a misconfigured trigger) fails loudly, since nothing can be reported per record. */
export function kinesisRecordsOf(event: unknown, stage: string): readonly KinesisEventRecord[] {
  const parsed = kinesisEventSchema.safeParse(event);
  if (!parsed.success) throw new Error(`${stage} expects a Kinesis event: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data.Records;
}

/**
 * Runs the consumer's set-up (indices on first use); when a dependency is not ready, every
 * record is reported for redelivery before any work is done, and the answer says so.
 */
export async function readyOrRedeliver(ready: () => Promise<unknown>, records: readonly KinesisEventRecord[], metrics: Metrics): Promise<BatchResponse | undefined> {
  try {
    await ready();
    return undefined;
  } catch (err) {
    console.error(`OpenSearch is not ready (${(err as Error).message}); the batch will be redelivered`);
    count(metrics, 'RecordsRetried', records.length);
    metrics.publishStoredMetrics();
    return failAll(records);
  }
}

/** When this invocation's writes must stop: its deadline less half the reserve kept for answering. */
export function writeDeadline(context: ConsumerContext, reserveMs: number): number {
  return Date.now() + context.getRemainingTimeInMillis() - reserveMs / 2;
}

/** The counts every consumer publishes, plus its own (`EventsIndexed` from `outputs`, …), then the answer. */
export function reportBatch(metrics: Metrics, report: BatchReport, own: Readonly<Record<string, number>>): BatchResponse {
  // The one place that says why records go back for redelivery (time running out, a failed write).
  if (report.stoppedBecause !== undefined) console.warn(`batch stopped early: ${report.stoppedBecause}`);
  for (const [name, value] of Object.entries(own)) count(metrics, name, value);
  count(metrics, 'DeadLetteredRecords', report.deadLettered);
  count(metrics, 'RecordsRetried', report.failed);
  metrics.publishStoredMetrics();
  return report.response;
}
