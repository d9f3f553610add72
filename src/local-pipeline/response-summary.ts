import type { API, Client } from '@opensearch-project/opensearch';
import { z } from 'zod';

const bucketSchema = z.object({ key: z.string(), doc_count: z.number() });
const responseSchema = z.object({
  aggregations: z.object({ by_outcome: z.object({ buckets: z.array(bucketSchema.extend({ by_hook: z.object({ buckets: z.array(bucketSchema) }) })) }) }).optional(),
});

/** What the respond stage recorded, by outcome and hook, as lines for the terminal. */
export async function describeResponses(client: Client, responsesIndex: string): Promise<string[]> {
  const aggs = { by_outcome: { terms: { field: 'action.outcome', size: 20 }, aggs: { by_hook: { terms: { field: 'action.hook', size: 50 } } } } };
  // The client's generated aggregation types (3.9) lack `field` on terms.
  const body: API.Search_RequestBody = { size: 0, aggs: aggs as unknown as NonNullable<API.Search_RequestBody['aggs']> };
  const response = await client.search({ index: responsesIndex, ignore_unavailable: true, allow_no_indices: true, body });
  const buckets = responseSchema.parse(response.body).aggregations?.by_outcome.buckets ?? [];
  if (buckets.length === 0) return ['responses: none recorded'];
  return [
    'responses (npm start runs every hook as a dry-run: nothing was sent):',
    ...buckets.map((b) => `  ${b.key}: ${b.doc_count} (${b.by_hook.buckets.map((h) => `${h.key} ${h.doc_count}`).join(', ')})`),
  ];
}
