import { gunzipCapped, isGzip } from '../cloudwatch/decompress';
import { isControlMessage, validatePayload } from '../cloudwatch/subscription-payload';
import { toLogRecords } from '../forward/raw-records';
import type { LogRecord } from '../schemas/log-record';
import { logRecordSchema } from '../schemas/log-record';

export type DecodedRecord = { readonly ok: true; readonly records: readonly LogRecord[] } | { readonly ok: false; readonly error: string };

/**
 * Decodes one Kinesis record of the "raw" stream: a log record written by `forward` (JSON, or
 * gzip'd JSON when large), or a subscription payload CloudWatch Logs delivered straight to
 * Kinesis (gzip'd, many log events; CONTROL_MESSAGE payloads hold none).
 */
export function decodeRawRecord(data: Uint8Array): DecodedRecord {
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
  if (typeof json === 'object' && json !== null && 'logEvents' in json) {
    const payload = validatePayload(json);
    if (!payload.ok) return payload;
    return { ok: true, records: isControlMessage(payload.payload) ? [] : toLogRecords(payload.payload) };
  }
  const record = logRecordSchema.safeParse(json);
  if (!record.success) {
    const issue = record.error.issues[0];
    return { ok: false, error: `not a log record: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, records: [record.data] };
}
