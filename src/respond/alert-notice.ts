import { z } from 'zod';

/** The parts of an alert document routing and records rely on; the rest travels as is. */
export const alertDocumentSchema = z.looseObject({
  '@timestamp': z.string().optional(),
  rule: z.looseObject({
    id: z.string().min(1),
    title: z.string().default(''),
    level: z.string().optional(),
    tags: z.array(z.string()).default([]),
  }),
  alert: z.looseObject({ id: z.string().min(1).max(512) }),
  logwarden: z.looseObject({ source: z.string().optional() }).optional(),
  cloud: z.looseObject({ account: z.looseObject({ id: z.string().optional() }).optional(), region: z.string().optional() }).optional(),
});

export type AlertDocument = z.infer<typeof alertDocumentSchema>;

const record = z.record(z.string(), z.unknown());

/**
 * What travels on the alerts stream, from `detect` (an alert was created or updated) and from
 * `logwarden respond approve` (an action may now run). `alert` is the document as indexed, with
 * secrets masked: it is what hooks send. `event` is the triggering event as normalized, unmasked,
 * on the same internal streams as every event: it is read only for parameters such as an access
 * key id, which masking would hide, and each such value is checked against a strict pattern.
 * `retryFailed` marks a redriven dead letter: failed actions may run again.
 */
export const alertNoticeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('alert'), version: z.literal(1), alert: record, event: record.optional(), retryFailed: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('approved'), version: z.literal(1), actionId: z.string().min(1).max(128), by: z.string().max(256), retryFailed: z.boolean().optional() }),
]);

export type AlertNotice = z.infer<typeof alertNoticeSchema>;

export type NoticeDecoding = { readonly ok: true; readonly notice: AlertNotice } | { readonly ok: false; readonly error: string };

export function encodeNotice(notice: AlertNotice): Uint8Array {
  return Buffer.from(JSON.stringify(notice), 'utf8');
}

export function decodeNotice(data: Uint8Array): NoticeDecoding {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch (err) {
    return { ok: false, error: `not JSON: ${(err as Error).message}` };
  }
  const parsed = alertNoticeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `not an alert notice: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}` };
  return { ok: true, notice: parsed.data };
}
