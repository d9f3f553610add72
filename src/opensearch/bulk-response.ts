import { z } from 'zod';
import type { BulkOperation } from './bulk-operation';

const errorSchema = z.looseObject({
  type: z.string(),
  reason: z.string().nullish(),
  caused_by: z.looseObject({ type: z.string().optional(), reason: z.string().nullish() }).optional(),
});

const itemSchema = z.looseObject({ status: z.number().int(), error: errorSchema.optional() });

/** A bulk response (B5): HTTP 200 even when items failed, so every item is read. */
export const bulkResponseSchema = z.looseObject({
  errors: z.boolean(),
  items: z.array(z.record(z.string(), itemSchema)),
});

export type BulkResponseItem = z.infer<typeof itemSchema>;

export type ItemOutcome =
  | { readonly kind: 'written' }
  | { readonly kind: 'already-present' }
  | { readonly kind: 'retry' | 'failed'; readonly status: number; readonly type: string; readonly reason: string };

// 429: thread-pool rejection (rejected_execution_exception), indexing pressure, circuit breakers
// and the flood-stage read_only_allow_delete block (cluster_block_exception TOO_MANY_REQUESTS/12,
// verified on 2.19.6); 502-504: a shard not available yet. A write block (403) is not retried.
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export function classifyItem(operation: BulkOperation, item: BulkResponseItem): ItemOutcome {
  if (item.status >= 200 && item.status < 300) return { kind: 'written' };
  const type = item.error?.type ?? `http_${item.status}`;
  // B5: with deterministic ids, 409 on `create` means an earlier attempt already delivered it.
  // A 409 on index/update comes from ifMatch (optimistic concurrency) and is the caller's to resolve.
  if (item.status === 409 && operation.action === 'create' && type === 'version_conflict_engine_exception') return { kind: 'already-present' };
  const kind = RETRY_STATUSES.has(item.status) ? 'retry' : 'failed';
  return { kind, status: item.status, type, reason: reasonOf(item) };
}

function reasonOf(item: BulkResponseItem): string {
  const reason = item.error?.reason ?? '';
  const cause = item.error?.caused_by;
  return cause?.reason === undefined || cause.reason === null ? reason : `${reason} (caused by ${cause.type ?? 'error'}: ${cause.reason})`;
}
