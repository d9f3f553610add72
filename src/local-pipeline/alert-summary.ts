import type { API, Client } from '@opensearch-project/opensearch';
import { z } from 'zod';

export interface RuleSummary {
  readonly title: string;
  readonly level: string;
  /** Alert documents (one per rule, dedup key and time bucket). */
  readonly alerts: number;
  /** Matching events across them. */
  readonly events: number;
}

export interface AlertSummary {
  readonly alerts: number;
  readonly events: number;
  readonly byLevel: ReadonlyMap<string, number>;
  readonly rules: readonly RuleSummary[];
}

const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'informational'];

const bucketSchema = z.object({ key: z.string(), doc_count: z.number() });
const responseSchema = z.object({
  hits: z.object({ total: z.object({ value: z.number() }) }),
  aggregations: z.object({
    events: z.object({ value: z.number().nullable() }),
    by_level: z.object({
      buckets: z.array(bucketSchema.extend({ by_rule: z.object({ buckets: z.array(bucketSchema.extend({ events: z.object({ value: z.number().nullable() }) })) }) })),
    }),
  }),
});

/** Alerts in the index, by level and rule, most severe first. */
export async function summarizeAlerts(client: Client, alertsIndex: string): Promise<AlertSummary> {
  const aggs = {
    events: { sum: { field: 'alert.count' } },
    by_level: {
      terms: { field: 'rule.level', size: 10, missing: 'none' },
      aggs: { by_rule: { terms: { field: 'rule.title', size: 500 }, aggs: { events: { sum: { field: 'alert.count' } } } } },
    },
  };
  // The client's generated aggregation types (3.9) lack `field` on terms and sum.
  const body: API.Search_RequestBody = { size: 0, track_total_hits: true, aggs: aggs as unknown as NonNullable<API.Search_RequestBody['aggs']> };
  const response = await client.search({ index: alertsIndex, ignore_unavailable: true, allow_no_indices: true, body });
  const parsed = responseSchema.parse(response.body);
  const rules = parsed.aggregations.by_level.buckets.flatMap((level) =>
    level.by_rule.buckets.map((rule) => ({ title: rule.key, level: level.key, alerts: rule.doc_count, events: rule.events.value ?? 0 })),
  );
  rules.sort((a, b) => rank(a.level) - rank(b.level) || b.events - a.events || a.title.localeCompare(b.title));
  const byLevel = new Map(parsed.aggregations.by_level.buckets.map((b) => [b.key, b.doc_count] as const).sort((a, b) => rank(a[0]) - rank(b[0])));
  return { alerts: parsed.hits.total.value, events: parsed.aggregations.events.value ?? 0, byLevel, rules };
}

function rank(level: string): number {
  const i = LEVEL_ORDER.indexOf(level);
  return i < 0 ? LEVEL_ORDER.length : i;
}

/** The summary as lines for a terminal. */
export function describeAlertSummary(summary: AlertSummary): string[] {
  if (summary.alerts === 0) return ['no alerts'];
  const levels = [...summary.byLevel].map(([level, n]) => `${n} ${level}`).join(', ');
  const width = Math.max(...summary.rules.map((r) => r.level.length));
  return [
    `${summary.alerts} alert(s) from ${summary.events} matching event(s): ${levels}`,
    ...summary.rules.map((r) => `  ${r.level.padEnd(width)}  ${r.title}  (${r.alerts} alert(s), ${r.events} event(s))`),
  ];
}
