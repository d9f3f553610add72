import { CloudWatchLogsDecodeSchema } from '@aws-lambda-powertools/parser/schemas/cloudwatch';
import { z } from 'zod';
import { gunzipCapped, isGzip } from './decompress';

/** The decoded subscription payload, as Powertools models it (extra keys such as policyLevel are tolerated). */
export type SubscriptionPayload = z.infer<typeof CloudWatchLogsDecodeSchema>;

/**
 * The event a subscription filter delivers to a Lambda destination. Powertools' own
 * CloudWatchLogsSchema decodes `data` in a transform without a size cap, so only the envelope's
 * shape is taken here and decoding goes through gunzipCapped.
 */
export const subscriptionEventSchema = z.object({ awslogs: z.object({ data: z.string() }) });

export type DecodedPayload = { readonly ok: true; readonly payload: SubscriptionPayload } | { readonly ok: false; readonly error: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** base64 text of a gzip'd subscription payload → validated payload (Lambda destination). */
export function decodeBase64Payload(data: string): DecodedPayload {
  const text = data.trim();
  if (text.length % 4 !== 0 || !BASE64.test(text)) return { ok: false, error: 'awslogs.data is not valid base64' };
  return decodeGzipPayload(Buffer.from(text, 'base64'));
}

/** gzip bytes of a subscription payload → validated payload (Kinesis destination). */
export function decodeGzipPayload(bytes: Uint8Array): DecodedPayload {
  if (!isGzip(bytes)) return { ok: false, error: 'payload is not gzip data' };
  const inflated = gunzipCapped(bytes);
  if (!inflated.ok) return inflated;
  let json: unknown;
  try {
    json = JSON.parse(inflated.bytes.toString('utf8'));
  } catch (err) {
    return { ok: false, error: `payload is not valid JSON: ${(err as Error).message}` };
  }
  return validatePayload(json);
}

export function validatePayload(json: unknown): DecodedPayload {
  const parsed = CloudWatchLogsDecodeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `not a CloudWatch Logs subscription payload: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, payload: parsed.data };
}

/** CloudWatch Logs checks a destination with CONTROL_MESSAGE payloads; they carry no log data. */
export function isControlMessage(payload: SubscriptionPayload): boolean {
  return payload.messageType === 'CONTROL_MESSAGE';
}
