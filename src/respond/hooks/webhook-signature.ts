import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signing (docs/responding.md, "Verifying webhooks"): HMAC-SHA256 with the shared
 * secret over `<timestamp>.<body>`, hex, sent as `X-Logwarden-Signature: v1=<hex>` beside
 * `X-Logwarden-Timestamp: <unix seconds>`. Signing the timestamp with the body lets a receiver
 * refuse a replayed request: the signature only verifies for the time it was made.
 */
export const WEBHOOK_HEADERS = {
  timestamp: 'x-logwarden-timestamp',
  signature: 'x-logwarden-signature',
  /** The action id: the same action always carries the same one, so receivers can drop repeats. */
  actionId: 'x-logwarden-action-id',
  alertId: 'x-logwarden-alert-id',
} as const;

export const SIGNATURE_VERSION = 'v1';
/** How far a timestamp may be from the receiver's clock: 5 minutes, as common webhook schemes allow. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `${SIGNATURE_VERSION}=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')}`;
}

export type WebhookVerification = { readonly ok: true; readonly timestamp: number } | { readonly ok: false; readonly reason: 'missing-headers' | 'bad-signature' | 'stale-timestamp' };

/** What a receiver does with a request: signature first, then the timestamp's age. */
export function verifyWebhook(
  secret: string,
  headers: { readonly timestamp: string | undefined; readonly signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): WebhookVerification {
  if (headers.timestamp === undefined || headers.signature === undefined || !/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: 'missing-headers' };
  const timestamp = Number(headers.timestamp);
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale-timestamp' };
  return { ok: true, timestamp };
}
