import { decodeBase64Payload, isControlMessage, subscriptionEventSchema } from '../cloudwatch/subscription-payload';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import type { StreamWriter } from '../streams/stream-writer';
import { toLogRecords, toRawEntries } from './raw-records';

export interface ForwardDeps {
  readonly writeRaw: StreamWriter;
  readonly deadLetters: DeadLetterSink;
  readonly now: () => Date;
}

export type ForwardReport =
  | { readonly kind: 'forwarded'; readonly logEvents: number; readonly records: number; readonly logGroup: string }
  | { readonly kind: 'control-message' }
  | { readonly kind: 'dead-lettered'; readonly reason: string; readonly error: string };

/** Raised when records could not be written after every retry: Lambda's async retry and on-failure destination take over. */
export class ForwardError extends Error {
  override readonly name = 'ForwardError';
}

/**
 * The `forward` stage: a CloudWatch Logs subscription event in, one "raw" stream record per log
 * event out (split only when a message cannot fit one record). CONTROL_MESSAGE payloads are
 * acknowledged; payloads that cannot be decoded go to the dead letters (retrying would not help).
 */
export async function forwardSubscriptionEvent(event: unknown, deps: ForwardDeps): Promise<ForwardReport> {
  const envelope = subscriptionEventSchema.safeParse(event);
  if (!envelope.success) {
    return deadLetter(deps, 'not-a-subscription-event', 'event has no awslogs.data string', Buffer.from(JSON.stringify(event ?? null)).toString('base64'));
  }
  const data = envelope.data.awslogs.data;
  const decoded = decodeBase64Payload(data);
  if (!decoded.ok) return deadLetter(deps, 'undecodable-payload', decoded.error, data);
  if (isControlMessage(decoded.payload)) return { kind: 'control-message' };

  const entries = toLogRecords(decoded.payload).flatMap((record) => toRawEntries(record));
  const { failed } = await deps.writeRaw(entries);
  if (failed.size > 0) {
    const sample = [...failed].slice(0, 3).map((i) => entries[i]?.record.id).join(', ');
    throw new ForwardError(`${failed.size} of ${entries.length} record(s) of ${decoded.payload.logGroup} could not be written to the raw stream (log events ${sample}…)`);
  }
  return { kind: 'forwarded', logEvents: decoded.payload.logEvents.length, records: entries.length, logGroup: decoded.payload.logGroup };
}

async function deadLetter(deps: ForwardDeps, reason: string, error: string, base64: string): Promise<ForwardReport> {
  await deps.deadLetters.send([{ stage: 'forward', reason, error, at: deps.now().toISOString(), payload: { kind: 'subscription-event', base64 } }]);
  return { kind: 'dead-lettered', reason, error };
}
