import { randomBytes } from 'node:crypto';
import { OPENSEARCH_VERSION } from '../../src/services/opensearch-config';

jest.setTimeout(60_000);

interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

function urlFromSetup(): URL {
  const url = process.env.OPENSEARCH_URL;
  if (url === undefined || url === '') throw new Error('OPENSEARCH_URL is not set: the integration global setup did not run');
  return new URL(url);
}

/** One JSON request to the cluster; credentials in OPENSEARCH_URL become a Basic header (fetch refuses them in URLs). */
async function request(method: string, path: string, body?: unknown): Promise<JsonResponse> {
  const url = urlFromSetup();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (url.username !== '') headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('opensearch: the node the services set-up provides', () => {
  it(`answers GET / as OpenSearch ${OPENSEARCH_VERSION} on the exported OPENSEARCH_URL`, async () => {
    const root = await request('GET', '/');
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ version: { distribution: 'opensearch', number: OPENSEARCH_VERSION } });
  });

  it('reports cluster health green or yellow', async () => {
    const health = await request('GET', '/_cluster/health?wait_for_status=yellow&timeout=10s');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: expect.stringMatching(/^(green|yellow)$/), timed_out: false });
  });

  it('indexes a document, finds it by search, and deletes the index', async () => {
    const index = `logwarden-it-opensearch-${Date.now()}-${randomBytes(4).toString('hex')}`;
    try {
      expect((await request('PUT', `/${index}`, { settings: { number_of_shards: 1, number_of_replicas: 0 } })).status).toBe(200);
      const indexed = await request('PUT', `/${index}/_doc/event-1?refresh=true`, { '@timestamp': '2025-11-28T18:03:31.123Z', message: 'order accepted id=81723', 'event.kind': 'event' });
      expect(indexed).toMatchObject({ status: 201, body: { _id: 'event-1', result: 'created' } });

      const found = await request('POST', `/${index}/_search`, { query: { match: { message: 'accepted' } } });
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ hits: { total: { value: 1 }, hits: [{ _id: 'event-1', _source: { message: 'order accepted id=81723' } }] } });

      const missed = await request('POST', `/${index}/_search`, { query: { match: { message: 'rejected' } } });
      expect(missed.body).toMatchObject({ hits: { total: { value: 0 } } });
    } finally {
      await request('DELETE', `/${index}`);
    }
    expect((await request('HEAD', `/${index}`)).status).toBe(404);
  });
});
