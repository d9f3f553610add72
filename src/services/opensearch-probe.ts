import { z } from 'zod';

export type Probe<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

// GET / (https://docs.opensearch.org/latest/api-reference/): Elasticsearch answers without `distribution`.
const rootInfoSchema = z.object({
  cluster_name: z.string(),
  version: z.object({ distribution: z.string().optional(), number: z.string() }),
});

export type RootInfo = z.infer<typeof rootInfoSchema>;

// GET /_cluster/health (https://docs.opensearch.org/latest/api-reference/cluster-api/cluster-health/).
const healthSchema = z.object({
  cluster_name: z.string(),
  status: z.enum(['green', 'yellow', 'red']),
  timed_out: z.boolean(),
});

export type ClusterHealth = z.infer<typeof healthSchema>;

/** What answers GET / at the endpoint: any cluster (OpenSearch or Elasticsearch) parses. */
export function probeRoot(endpoint: string, timeoutMs = 3_000): Promise<Probe<RootInfo>> {
  return getJson(endpoint, '/', rootInfoSchema, timeoutMs);
}

/**
 * Cluster health, waiting on the server up to `waitSeconds` for yellow. A single node never
 * turns green while an index has replicas, so yellow is healthy here.
 */
export async function probeHealth(endpoint: string, waitSeconds = 0, timeoutMs = 5_000): Promise<Probe<ClusterHealth>> {
  const wait = waitSeconds > 0 ? `?wait_for_status=yellow&timeout=${waitSeconds}s` : '';
  const health = await getJson(endpoint, `/_cluster/health${wait}`, healthSchema, timeoutMs + waitSeconds * 1_000, [408]);
  if (!health.ok) return health;
  if (health.value.status === 'red' || health.value.timed_out) return { ok: false, error: `cluster ${health.value.cluster_name} health is ${health.value.status}` };
  return health;
}

/** True when the root answer is the given distribution, version and cluster name. */
export function isNode(info: RootInfo, expected: { distribution: string; number: string; clusterName: string }): boolean {
  return info.version.distribution === expected.distribution && info.version.number === expected.number && info.cluster_name === expected.clusterName;
}

export function describeNode(info: RootInfo): string {
  return `${info.version.distribution ?? 'elasticsearch or another server'} ${info.version.number}, cluster ${JSON.stringify(info.cluster_name)}`;
}

/**
 * GET with a timeout. Credentials in the URL (https://user:pass@host) become a Basic
 * Authorization header, since fetch refuses URLs that carry them.
 */
async function getJson<T>(endpoint: string, requestPath: string, schema: z.ZodType<T>, timeoutMs: number, alsoAccept: readonly number[] = []): Promise<Probe<T>> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (url.username !== '' || url.password !== '') {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const target = `${url.origin}${url.pathname.replace(/\/+$/, '')}${requestPath}`;
  try {
    const response = await fetch(target, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (!response.ok && !alsoAccept.includes(response.status)) return { ok: false, error: `GET ${requestPath} answered HTTP ${response.status}: ${excerpt(text)}` };
    const parsed = schema.safeParse(parseJson(text));
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `GET ${requestPath} answered something that is not OpenSearch: ${excerpt(text)}` };
  } catch (error) {
    return { ok: false, error: `GET ${requestPath} failed: ${describeFetchError(error)}` };
  }
}

/** The start of a response body on one line. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** fetch hides the socket error (ECONNREFUSED, …) in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no answer in time';
  const cause = error.cause;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return error.message;
}
