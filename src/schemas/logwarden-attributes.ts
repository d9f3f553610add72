import { z } from 'zod';

/** `30m`, `1h`, `1d`: the bucket length of alert deduplication. */
export const DURATION_PATTERN = /^([1-9]\d{0,5})([smhd])$/;

/**
 * Logwarden's own custom attribute on Sigma rules (Sigma allows arbitrary custom fields, so
 * rules stay valid Sigma and can be copied to and from SigmaHQ):
 *
 * ```yaml
 * logwarden:
 *   dedup:                       # or just a list of fields: dedup: [source.ip]
 *     fields: [aws.cloudtrail.userIdentity.arn, source.ip]
 *     bucket: 1h
 * ```
 */
const dedupSchema = z.union([
  z.array(z.string().min(1)).min(1),
  z.strictObject({
    fields: z.array(z.string().min(1)).min(1).optional(),
    bucket: z.string().regex(DURATION_PATTERN, { error: 'must be a number and a unit: 30m, 1h, 1d' }).optional(),
  }),
]);

export const logwardenAttributesSchema = z.strictObject({
  dedup: dedupSchema.optional(),
});

export type LogwardenAttributes = z.infer<typeof logwardenAttributesSchema>;
