import { gzipSync } from 'node:zlib';
import { gunzipCapped, isGzip } from '../cloudwatch/decompress';
import { MAX_RECORD_BYTES, partitionKeyFor } from '../forward/raw-records';
import type { NormalizedEvent } from '../schemas/normalized-event';
import { normalizedEventSchema } from '../schemas/normalized-event';
import type { StreamEntry } from '../streams/stream-writer';

/**
 * A normalized event as a record of the "normalized" stream: JSON, gzip'd when large. An event
 * that is still too large (a message near CloudWatch's 1 MB limit appears twice: `message` and
 * `event.original`) keeps a shortened copy of both, marked `logwarden.truncated`, rather than
 * being dropped; the whole line remains in CloudWatch Logs and the raw stream.
 */
export function encodeNormalizedEvent(event: NormalizedEvent, maxBytes = MAX_RECORD_BYTES): StreamEntry {
  const cloudwatch = event.aws.cloudwatch;
  const partitionKey = partitionKeyFor(cloudwatch.log_group, cloudwatch.log_stream);
  const json = Buffer.from(JSON.stringify(event));
  if (json.length <= maxBytes) return { data: json, partitionKey };
  const gzipped = gzipSync(json);
  if (gzipped.length <= maxBytes) return { data: gzipped, partitionKey };
  // Incompressible and huge: keep the first part of the text, which is what detection reads most.
  const keep = Math.floor(maxBytes / 8);
  const shortened = {
    ...event,
    message: event.message.slice(0, keep),
    event: { ...event.event, original: event.event.original.slice(0, keep) },
    logwarden: { ...event.logwarden, truncated: { original_length: event.event.original.length, kept: keep } },
  };
  const text = Buffer.from(JSON.stringify(shortened));
  return { data: text.length <= maxBytes ? text : gzipSync(text), partitionKey };
}

export type DecodedEvent = { readonly ok: true; readonly event: NormalizedEvent } | { readonly ok: false; readonly error: string };

/** Reads a record of the "normalized" stream back (consumers: detect, index-events). */
export function decodeNormalizedEvent(data: Uint8Array): DecodedEvent {
  let bytes: Uint8Array = data;
  if (isGzip(bytes)) {
    const inflated = gunzipCapped(bytes);
    if (!inflated.ok) return inflated;
    bytes = inflated.bytes;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (err) {
    return { ok: false, error: `record is not valid JSON: ${(err as Error).message}` };
  }
  const parsed = normalizedEventSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `not a normalized event: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` };
  return { ok: true, event: parsed.data };
}
