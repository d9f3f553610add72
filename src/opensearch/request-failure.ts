import { errors } from '@opensearch-project/opensearch';
import { z } from 'zod';

/** Why a whole request failed, and whether sending it again may succeed. */
export interface RequestFailure {
  readonly retryable: boolean;
  readonly status?: number;
  readonly type: string;
  readonly reason: string;
}

// Whole-request statuses worth resending (B5, AWS handling-errors.md); 413 is split by the caller.
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

const errorBodySchema = z.object({
  error: z.union([z.string(), z.looseObject({ type: z.string().optional(), reason: z.string().nullish() })]),
});
const messageBodySchema = z.object({ message: z.string() });

export function describeRequestFailure(error: unknown): RequestFailure {
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode;
    const { type, reason } = responseErrorOf(error.body, status);
    // Amazon OpenSearch Service answers "403 Request throttled due to too many requests" (B5).
    const throttled = status === 403 && /throttl/i.test(reason);
    return { retryable: RETRY_STATUSES.has(status) || throttled, status, type, reason };
  }
  if (error instanceof errors.TimeoutError) return transient('timeout', error.message);
  if (error instanceof errors.ConnectionError) return transient('connection_error', error.message);
  if (error instanceof errors.NoLivingConnectionsError) return transient('no_living_connections', error.message);
  if (error instanceof errors.DeserializationError) return transient('deserialization_error', error.message);
  // Anything else (a credential provider timing out, an unexpected client error) is retried
  // too: the operations then end up reported as exhausted, never dropped.
  return transient(error instanceof Error ? error.name : 'unknown_error', error instanceof Error ? error.message : String(error));
}

function transient(type: string, reason: string): RequestFailure {
  return { retryable: true, type, reason };
}

function responseErrorOf(body: unknown, status: number): { type: string; reason: string } {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return typeof e === 'string' ? { type: `http_${status}`, reason: e } : { type: e.type ?? `http_${status}`, reason: e.reason ?? '' };
  }
  const message = messageBodySchema.safeParse(body);
  if (message.success) return { type: `http_${status}`, reason: message.data.message };
  return { type: `http_${status}`, reason: typeof body === 'string' ? body.slice(0, 500) : '' };
}
