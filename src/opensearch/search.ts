import type { Client } from '@opensearch-project/opensearch';
import { z } from 'zod';
import type { AlertFilter } from './alert-queries';
import { alertSearchBody, matchCountBody } from './alert-queries';
import { boundedDocumentId } from './index-names';

export interface AlertHit {
  readonly id: string;
  readonly index: string;
  /** For an update conditional on this version (`ifMatch` in bulkWrite). */
  readonly seqNo?: number;
  readonly primaryTerm?: number;
  readonly document: Readonly<Record<string, unknown>>;
}

export interface AlertSearchResult {
  readonly total: number;
  readonly alerts: readonly AlertHit[];
}

export interface MatchSummary {
  readonly count: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
}

const hitSchema = z.object({
  _id: z.string(),
  _index: z.string(),
  _seq_no: z.number().optional(),
  _primary_term: z.number().optional(),
  _source: z.record(z.string(), z.unknown()),
});
const searchSchema = z.object({ hits: z.object({ total: z.object({ value: z.number() }), hits: z.array(hitSchema) }) });
const getSchema = z.union([hitSchema.extend({ found: z.literal(true) }), z.object({ found: z.literal(false) })]);
const bucketSchema = z.object({ key: z.string(), doc_count: z.number(), first: z.object({ value_as_string: z.string().optional() }), last: z.object({ value_as_string: z.string().optional() }) });
const countSchema = z.object({ aggregations: z.object({ by_alert: z.object({ buckets: z.array(bucketSchema) }) }) });

// Ids per request: well under the terms query (65,536) and search.max_buckets (65,535) limits.
const IDS_PER_REQUEST = 1_000;

export async function searchAlerts(client: Client, index: string, filter: AlertFilter = {}): Promise<AlertSearchResult> {
  const response = await client.search({ index, body: alertSearchBody(filter) });
  const { hits } = searchSchema.parse(response.body);
  return { total: hits.total.value, alerts: hits.hits.map(toAlertHit) };
}

/** The alert with this document id, or undefined when it (or the index) does not exist. */
export async function getAlert(client: Client, index: string, id: string): Promise<AlertHit | undefined> {
  const response = await client.get({ index, id: boundedDocumentId(id) }, { ignore: [404] });
  const body = getSchema.parse(response.body);
  return body.found ? toAlertHit(body) : undefined;
}

/** For each alert id (the `alert.id` field): match count and first/last `@timestamp`; 0 when none. */
export async function countMatches(client: Client, index: string, alertIds: readonly string[]): Promise<ReadonlyMap<string, MatchSummary>> {
  const unique = [...new Set(alertIds)];
  const summaries = new Map<string, MatchSummary>(unique.map((id) => [id, { count: 0 }]));
  for (let start = 0; start < unique.length; start += IDS_PER_REQUEST) {
    const response = await client.search({ index, body: matchCountBody(unique.slice(start, start + IDS_PER_REQUEST)) });
    for (const bucket of countSchema.parse(response.body).aggregations.by_alert.buckets) {
      summaries.set(bucket.key, {
        count: bucket.doc_count,
        ...(bucket.first.value_as_string === undefined ? {} : { firstSeen: bucket.first.value_as_string }),
        ...(bucket.last.value_as_string === undefined ? {} : { lastSeen: bucket.last.value_as_string }),
      });
    }
  }
  return summaries;
}

/** Makes recent writes searchable now (tests, the CLI after a write); the pipeline relies on refresh_interval. */
export async function refreshIndex(client: Client, index: string): Promise<void> {
  await client.indices.refresh({ index });
}

function toAlertHit(hit: z.infer<typeof hitSchema>): AlertHit {
  return {
    id: hit._id,
    index: hit._index,
    ...(hit._seq_no === undefined ? {} : { seqNo: hit._seq_no }),
    ...(hit._primary_term === undefined ? {} : { primaryTerm: hit._primary_term }),
    document: hit._source,
  };
}
