import { forwardSubscriptionEvent } from '../../src/forward/forward-subscription';
import type { ForwardReport } from '../../src/forward/forward-subscription';
import { count, createMetrics } from '../../src/observability/metrics';
import { deadLetterSinkFor, kinesisClientFor } from '../../src/runtime/dependencies';
import { readSettings } from '../../src/runtime/settings';
import { kinesisStreamWriter } from '../../src/streams/kinesis-writer';

// Cold start: settings, clients and sinks are immutable and shared by every invocation.
const settings = readSettings(process.env);
const deps = {
  writeRaw: kinesisStreamWriter(kinesisClientFor(settings), settings.streams.raw),
  deadLetters: deadLetterSinkFor(settings.deadLetters, settings.region),
  now: () => new Date(),
};
const metrics = createMetrics('forward');

/** CloudWatch Logs subscription filter → the "raw" stream. Invoked asynchronously by CloudWatch Logs. */
export async function handler(event: unknown): Promise<ForwardReport> {
  try {
    const report = await forwardSubscriptionEvent(event, deps);
    if (report.kind === 'forwarded') {
      count(metrics, 'ForwardedLogEvents', report.logEvents);
      count(metrics, 'RawRecordsWritten', report.records);
    } else if (report.kind === 'control-message') {
      count(metrics, 'ControlMessages', 1);
    } else {
      count(metrics, 'DeadLetteredPayloads', 1);
    }
    return report;
  } catch (err) {
    count(metrics, 'ForwardFailures', 1);
    throw err; // Lambda's asynchronous retries and on-failure destination take over
  } finally {
    metrics.publishStoredMetrics();
  }
}
