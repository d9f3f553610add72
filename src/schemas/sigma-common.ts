import { z } from 'zod';

/**
 * Field schemas shared by Sigma detection rules, correlation rules and meta-filters
 * (../shared/sigma-spec/json-schema/*.json, v2.1).
 */

// JSON Schema's "uuid" format: the RFC 4122 textual form, any version.
const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/;
// Tags are namespaced and lower-case; D3FEND artifact names are the one documented exception
// (sigma-appendix-tags.md: `d3fend.d3f-WindowsNtOpenFile`).
const TAG_PATTERN = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;
const D3FEND_TAG_PATTERN = /^d3fend\.d3f-[A-Za-z0-9._-]+$/;

export const ruleIdSchema = z.string().regex(UUID_PATTERN, { error: 'must be a UUID (8-4-4-4-12 hexadecimal digits)' });

export const sigmaDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD (quote it or leave it unquoted; YAML 1.2 keeps it a string)' })
  .regex(DATE_PATTERN, { error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'is not a real calendar date' });

function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return true; // the pattern check reports malformed dates
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const statusSchema = z.enum(['stable', 'test', 'experimental', 'deprecated', 'unsupported']);
export const levelSchema = z.enum(['informational', 'low', 'medium', 'high', 'critical']);

export const tagSchema = z.string().refine((t) => TAG_PATTERN.test(t) || D3FEND_TAG_PATTERN.test(t), {
  error: 'must be a namespaced lower-case tag such as attack.t1059 (letters, digits, _ and - only)',
});

/** A list without duplicates (JSON Schema `uniqueItems`). */
export function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((value, index) => {
      const key = JSON.stringify(value);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate entry ${key}` });
      seen.add(key);
    });
  });
}

export const logsourceSchema = z.looseObject({
  category: z.string().optional(),
  product: z.string().optional(),
  service: z.string().optional(),
  definition: z.string().optional(),
});

export const titleSchema = z.string().min(1, { error: 'must not be empty' }).max(256);
export const descriptionSchema = z.string().max(65535);
export const falsePositiveSchema = z.string().min(2);
