import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import { EventIdSource } from './cloudwatch-event-ids';
import type { SamplePrng } from './prng';
import type { SampleLogEvent } from './sample-event';

/**
 * CloudWatch Logs limits a delivery inherits from PutLogEvents (A1): at most 10,000 events and
 * 1,048,576 bytes (message bytes + 26 per event) per batch; one event at most 256 KB.
 */
export const CLOUDWATCH_LIMITS = {
  maxEventsPerPayload: 10_000,
  maxPayloadBytes: 1_048_576,
  eventOverheadBytes: 26,
  maxEventBytes: 256 * 1024,
} as const;

export interface PayloadEnvelope {
  readonly owner: string;
  readonly subscriptionFilters: readonly string[];
  /** How long CloudWatch gathers a stream's events before delivering them, by log group. */
  readonly deliveryWindowMs: (logGroup: string) => number;
}

/**
 * Builds the decoded subscription payloads the way CloudWatch Logs delivers them: one log stream
 * per payload, the stream's events in time order with ids counting up, a new payload when the
 * delivery window has passed or a limit would be crossed. Payloads come out in time order (of
 * their first event; ties by log group and stream).
 */
export function toSubscriptionPayloads(events: readonly SampleLogEvent[], envelope: PayloadEnvelope, prng: SamplePrng): SubscriptionPayload[] {
  const payloads: SubscriptionPayload[] = [];
  for (const [key, streamEvents] of groupByStream(events)) {
    const [logGroup, logStream] = key.split('\u0000') as [string, string];
    const ids = new EventIdSource(prng);
    const windowMs = envelope.deliveryWindowMs(logGroup);
    let batch: SubscriptionPayload['logEvents'] = [];
    let bytes = 0;
    const flush = () => {
      if (batch.length === 0) return;
      payloads.push({
        messageType: 'DATA_MESSAGE',
        owner: envelope.owner,
        logGroup,
        logStream,
        subscriptionFilters: [...envelope.subscriptionFilters],
        logEvents: batch,
      });
      batch = [];
      bytes = 0;
    };
    for (const event of streamEvents) {
      const size = Buffer.byteLength(event.message) + CLOUDWATCH_LIMITS.eventOverheadBytes;
      const first = batch[0];
      const full = batch.length >= CLOUDWATCH_LIMITS.maxEventsPerPayload || bytes + size > CLOUDWATCH_LIMITS.maxPayloadBytes;
      if (first !== undefined && (full || event.timestamp - first.timestamp > windowMs)) flush();
      batch.push({ id: ids.next(event.timestamp), timestamp: event.timestamp, message: event.message });
      bytes += size;
    }
    flush();
  }
  return payloads.sort(comparePayloads);
}

function groupByStream(events: readonly SampleLogEvent[]): Map<string, SampleLogEvent[]> {
  const streams = new Map<string, SampleLogEvent[]>();
  for (const event of events) {
    const key = `${event.logGroup}\u0000${event.logStream}`;
    const list = streams.get(key);
    if (list === undefined) streams.set(key, [event]);
    else list.push(event);
  }
  // Array.prototype.sort is stable: events written in the same millisecond keep their order.
  for (const list of streams.values()) list.sort((a, b) => a.timestamp - b.timestamp);
  return new Map([...streams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function comparePayloads(a: SubscriptionPayload, b: SubscriptionPayload): number {
  const time = (a.logEvents[0]?.timestamp ?? 0) - (b.logEvents[0]?.timestamp ?? 0);
  if (time !== 0) return time;
  const ka = `${a.logGroup}\u0000${a.logStream}`;
  const kb = `${b.logGroup}\u0000${b.logStream}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
