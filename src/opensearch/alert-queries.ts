import type { API } from '@opensearch-project/opensearch';
import { z } from 'zod';

const term = z.string().min(1).max(512);

/** What `logwarden alerts` and the detect stage filter alerts by; every value is matched exactly. */
export const alertFilterSchema = z.strictObject({
  /** Alerts seen at or after this time (`alert.last_seen`). */
  since: z.union([z.iso.datetime({ offset: true }), z.date()]).optional(),
  /** A Sigma level or several (`rule.level`). */
  level: z.union([term, z.array(term).min(1).max(16)]).optional(),
  ruleId: term.optional(),
  status: term.optional(),
  size: z.number().int().min(1).max(10_000).default(100),
});

export type AlertFilter = z.input<typeof alertFilterSchema>;

/**
 * The search for alerts: `bool.filter` of `term`/`terms`/`range` clauses, so a value such as
 * `*) OR (*` or `" OR 1=1` is one exact term, never query syntax (checklist 8, 39). Newest first.
 */
export function alertSearchBody(filter: AlertFilter): API.Search_RequestBody {
  const f = alertFilterSchema.parse(filter);
  const clauses: NonNullable<API.Search_RequestBody['query']>[] = [];
  if (f.since !== undefined) clauses.push({ range: { 'alert.last_seen': { gte: typeof f.since === 'string' ? f.since : f.since.toISOString() } } });
  if (f.level !== undefined) clauses.push({ terms: { 'rule.level': typeof f.level === 'string' ? [f.level] : f.level } });
  if (f.ruleId !== undefined) clauses.push({ term: { 'rule.id': { value: f.ruleId } } });
  if (f.status !== undefined) clauses.push({ term: { 'alert.status': { value: f.status } } });
  return {
    size: f.size,
    track_total_hits: true,
    seq_no_primary_term: true,
    sort: [{ 'alert.last_seen': { order: 'desc', unmapped_type: 'date' } }],
    query: { bool: { filter: clauses } },
  };
}

/** Per alert id: how many match documents, and the first and last matching `@timestamp`. */
export function matchCountBody(alertIds: readonly string[]): API.Search_RequestBody {
  const aggs = {
    by_alert: {
      // Filtered to exactly these ids, so `size` = their number returns every bucket exactly.
      terms: { field: 'alert.id', size: Math.max(1, alertIds.length) },
      aggs: { first: { min: { field: '@timestamp' } }, last: { max: { field: '@timestamp' } } },
    },
  };
  return {
    size: 0,
    query: { bool: { filter: [{ terms: { 'alert.id': [...alertIds] } }] } },
    // The client's generated aggregation types (3.9) lack `field` on terms/min/max.
    aggs: aggs as unknown as NonNullable<API.Search_RequestBody['aggs']>,
  };
}
