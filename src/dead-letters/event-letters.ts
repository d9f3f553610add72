import { encodeNormalizedEvent } from '../normalize/normalized-record';
import type { NormalizedEvent } from '../schemas/normalized-event';
import type { DeadLetter } from './dead-letter';

/**
 * A dead letter for a normalized event a consumer could not store (OpenSearch refused it for
 * good): the event as it travels on the "normalized" stream, so a redrive puts it back there.
 */
export function eventLetter(stage: 'detect' | 'index-events', event: NormalizedEvent, error: string, at: Date): DeadLetter {
  return {
    stage,
    reason: 'rejected-by-opensearch',
    error,
    at: at.toISOString(),
    payload: { kind: 'kinesis-record', base64: Buffer.from(encodeNormalizedEvent(event).data).toString('base64') },
  };
}
