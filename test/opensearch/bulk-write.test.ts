import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Client } from '@opensearch-project/opensearch';
import type { BulkOperation } from '../../src/opensearch/bulk-operation';
import { bulkWrite } from '../../src/opensearch/bulk-write';
import type { BulkWriteOptions } from '../../src/opensearch/bulk-write';
import { bulkIds, bulkReply, startHttpDouble } from './http-double';
import type { HttpDouble, RecordedRequest, Reply } from './http-double';
import { testClient } from './opensearch-test-client';

const create = (id: string, document: Record<string, unknown> = { message: id }): BulkOperation => ({ action: 'create', index: 'test-index', id, document });
const noWait: Pick<BulkWriteOptions, 'sleep' | 'random'> = { sleep: async () => undefined, random: () => 0.5 };

let double: HttpDouble | undefined;
let client: Client | undefined;

async function serve(script: (request: RecordedRequest, index: number) => Reply): Promise<{ double: HttpDouble; client: Client }> {
  double = await startHttpDouble(script);
  client = testClient(double.url);
  return { double, client };
}

afterEach(async () => {
  await client?.close();
  await double?.close();
  client = undefined;
  double = undefined;
});

describe('bulkWrite: item outcomes', () => {
  it('classifies each item and resends exactly the 429 ones', async () => {
    const first: Record<string, { status: number; type?: string; reason?: string }> = {
      a: { status: 201 },
      b: { status: 409, type: 'version_conflict_engine_exception', reason: '[b]: version conflict, document already exists (current version [1])' },
      c: { status: 429, type: 'rejected_execution_exception', reason: 'rejected execution of coordinating operation' },
      d: { status: 400, type: 'mapper_parsing_exception', reason: "failed to parse field [@timestamp] of type [date] in document with id 'd'" },
      e: { status: 404, type: 'index_not_found_exception', reason: 'no such index [test-index]' },
      f: { status: 429, type: 'cluster_block_exception', reason: 'index [test-index] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];' },
    };
    const { double, client } = await serve((request, n) => bulkReply(bulkIds(request), (id) => (n === 0 ? first[id] ?? { status: 500 } : { status: 201 })));

    const report = await bulkWrite(client, ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => create(id)), noWait);

    expect(double.requests.map(bulkIds)).toEqual([['a', 'b', 'c', 'd', 'e', 'f'], ['c', 'f']]);
    expect(report).toMatchObject({ written: 3, alreadyPresent: 1, retriesExhausted: [], requests: 2, retries: 2 });
    expect(report.outcomes).toEqual(['written', 'already-present', 'written', 'permanent-failure', 'permanent-failure', 'written']);
    expect(report.permanentFailures).toEqual([
      expect.objectContaining({ operation: expect.objectContaining({ id: 'd' }), status: 400, type: 'mapper_parsing_exception', reason: expect.stringContaining('[@timestamp]'), scope: 'item', attempts: 1 }),
      expect.objectContaining({ operation: expect.objectContaining({ id: 'e' }), status: 404, type: 'index_not_found_exception', scope: 'item' }),
    ]);
  });

  it('reports 429s still failing after maxAttempts as retries exhausted, not as permanent failures', async () => {
    const { double, client } = await serve((request) => bulkReply(bulkIds(request), (id) => (id === 'x' ? { status: 429, type: 'rejected_execution_exception' } : { status: 201 })));

    const report = await bulkWrite(client, [create('x'), create('y')], { ...noWait, maxAttempts: 3 });

    expect(double.requests.map(bulkIds)).toEqual([['x', 'y'], ['x'], ['x']]);
    expect(report.written).toBe(1);
    expect(report.permanentFailures).toEqual([]);
    expect(report.retriesExhausted).toEqual([expect.objectContaining({ operation: expect.objectContaining({ id: 'x' }), status: 429, type: 'rejected_execution_exception', attempts: 3 })]);
  });

  it('treats a 409 on an update (optimistic concurrency) as a failure for the caller, not as already present', async () => {
    const { double, client } = await serve((request) => bulkReply(bulkIds(request), () => ({ status: 409, type: 'version_conflict_engine_exception' }), 'update'));
    const update: BulkOperation = { action: 'update', index: 'alerts', id: 'a1', document: { alert: { count: 2 } }, upsert: { alert: { count: 1 } }, ifMatch: { seqNo: 4, primaryTerm: 1 } };

    const report = await bulkWrite(client, [update], noWait);

    const lines = double.requests[0]?.body.toString().split('\n');
    expect(JSON.parse(lines?.[0] ?? '')).toEqual({ update: { _index: 'alerts', _id: 'a1', if_seq_no: 4, if_primary_term: 1 } });
    expect(JSON.parse(lines?.[1] ?? '')).toEqual({ doc: { alert: { count: 2 } }, upsert: { alert: { count: 1 } } });
    expect(report).toMatchObject({ written: 0, alreadyPresent: 0, permanentFailures: [expect.objectContaining({ status: 409 })] });
  });

  it('resends the whole body when the response cannot be matched to the operations', async () => {
    const { double, client } = await serve((request, n) => (n === 0 ? bulkReply(['p'], () => ({ status: 201 })) : bulkReply(bulkIds(request), () => ({ status: 201 }))));

    const report = await bulkWrite(client, [create('p'), create('q')], noWait);

    expect(double.requests.map(bulkIds)).toEqual([['p', 'q'], ['p', 'q']]);
    expect(report.written).toBe(2);
  });
});

describe('bulkWrite: whole-request failures', () => {
  it('retries after the server closes the socket and after a 503, then succeeds', async () => {
    const delays: number[] = [];
    const { double, client } = await serve((request, n) => {
      if (n === 0) return { closeSocket: true };
      if (n === 1) return { status: 503, body: { error: { type: 'unavailable', reason: 'try later' }, status: 503 } };
      return bulkReply(bulkIds(request), () => ({ status: 201 }));
    });

    const report = await bulkWrite(client, [create('a'), create('b')], { sleep: async (ms) => void delays.push(ms), random: () => 0.5, baseDelayMs: 100, maxDelayMs: 1_000 });

    expect(double.requests.map(bulkIds)).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b']]);
    expect(report).toMatchObject({ written: 2, requests: 3, retries: 4, permanentFailures: [], retriesExhausted: [] });
    // Full jitter: random * min(max, base * 2^(retry-1)).
    expect(delays).toEqual([50, 100]);
  });

  it('reports every operation as retries exhausted when nothing listens on the port (checklist 28)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    client = testClient(`http://127.0.0.1:${port}`);

    const report = await bulkWrite(client, [create('a'), create('b')], { ...noWait, maxAttempts: 3 });

    expect(report.written).toBe(0);
    expect(report.retriesExhausted.map((f) => [f.operation.id, f.type, f.scope, f.attempts])).toEqual([
      ['a', 'connection_error', 'request', 3],
      ['b', 'connection_error', 'request', 3],
    ]);
  });

  it('retries the Amazon OpenSearch Service "403 Request throttled" answer like a 429 (B5)', async () => {
    const { double, client } = await serve((request, n) => (n === 0 ? { status: 403, body: { message: 'Request throttled due to too many requests' } } : bulkReply(bulkIds(request), () => ({ status: 201 }))));

    const report = await bulkWrite(client, [create('a')], noWait);

    expect(double.requests).toHaveLength(2);
    expect(report.written).toBe(1);
  });

  it('reports every operation of a request rejected as a whole (400) as a permanent failure', async () => {
    const { client } = await serve(() => ({ status: 400, body: { error: { type: 'illegal_argument_exception', reason: 'Malformed action/metadata line' }, status: 400 } }));

    const report = await bulkWrite(client, [create('a'), create('b')], noWait);

    expect(report.permanentFailures.map((f) => [f.operation.id, f.status, f.type, f.scope])).toEqual([
      ['a', 400, 'illegal_argument_exception', 'request'],
      ['b', 400, 'illegal_argument_exception', 'request'],
    ]);
  });

  it('splits a body the server refuses as too large (413) and resends the halves', async () => {
    const { double, client } = await serve((request) => (request.body.length > 3_000 ? { status: 413, body: { message: 'Request size exceeded 3000 bytes' } } : bulkReply(bulkIds(request), () => ({ status: 201 }))));
    const operations = Array.from({ length: 8 }, (_, i) => create(`doc-${i}`, { message: 'x'.repeat(900) }));

    const report = await bulkWrite(client, operations, noWait);

    expect(report.written).toBe(8);
    const delivered = double.requests.filter((r) => r.body.length <= 3_000).flatMap(bulkIds);
    expect(delivered.sort()).toEqual(operations.map((o) => o.id).sort());
  });

  it('stops at the deadline and reports what is left as retries exhausted', async () => {
    let clock = 1_000;
    const { double, client } = await serve(() => ({ status: 503, body: { error: 'unavailable' } }));

    const report = await bulkWrite(client, [create('a')], {
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      random: () => 1,
      baseDelayMs: 400,
      maxDelayMs: 10_000,
      maxAttempts: 100,
      deadline: 3_000,
    });

    // Sends at t=1000, 1400 (after 400), 2200 (after 800); the next wait (1600) would end past 3000.
    expect(double.requests).toHaveLength(3);
    expect(clock).toBeLessThanOrEqual(3_000);
    expect(report.retriesExhausted).toEqual([expect.objectContaining({ status: 503, type: 'http_503', reason: 'unavailable', scope: 'request', attempts: 3 })]);
  });
});

describe('bulkWrite: request bodies', () => {
  it('sends nothing for no operations', async () => {
    const { double, client } = await serve(() => ({ status: 500, body: {} }));
    expect(await bulkWrite(client, [])).toEqual({ written: 0, alreadyPresent: 0, permanentFailures: [], retriesExhausted: [], outcomes: [], requests: 0, retries: 0 });
    expect(double.requests).toEqual([]);
  });

  it('keeps every body under the byte budget and sends each operation once, in order', async () => {
    const { double, client } = await serve((request) => bulkReply(bulkIds(request), () => ({ status: 201 })));
    const operations = Array.from({ length: 100 }, (_, i) => create(`doc-${String(i).padStart(3, '0')}`, { message: 'y'.repeat(1_000) }));

    const report = await bulkWrite(client, operations, { ...noWait, maxBodyBytes: 10_000 });

    expect(report.written).toBe(100);
    expect(double.requests.length).toBeGreaterThanOrEqual(11);
    for (const request of double.requests) {
      expect(request.body.length).toBeLessThanOrEqual(10_000);
      expect(request.body.toString().endsWith('\n')).toBe(true); // B5: trailing newline required
      expect(request.headers['content-type']).toBe('application/x-ndjson');
    }
    expect(double.requests.flatMap(bulkIds)).toEqual(operations.map((o) => o.id));
  });

  it('fails an operation larger than the budget at once and still writes the others', async () => {
    const { double, client } = await serve((request) => bulkReply(bulkIds(request), () => ({ status: 201 })));

    const report = await bulkWrite(client, [create('small'), create('huge', { message: 'z'.repeat(20_000) })], { ...noWait, maxBodyBytes: 10_000 });

    expect(double.requests.flatMap(bulkIds)).toEqual(['small']);
    expect(report.permanentFailures).toEqual([expect.objectContaining({ operation: expect.objectContaining({ id: 'huge' }), status: 413, type: 'document_too_large', scope: 'local', attempts: 0 })]);
  });

  it('sends ids longer than 512 bytes as a bounded hash-suffixed id (checklist 21)', async () => {
    const { double, client } = await serve((request) => bulkReply(bulkIds(request), () => ({ status: 201 })));

    await bulkWrite(client, [create('g'.repeat(600))], noWait);

    const [sent] = double.requests.flatMap(bulkIds);
    expect(Buffer.byteLength(sent ?? '')).toBeLessThanOrEqual(512);
    expect(sent?.startsWith('g'.repeat(400))).toBe(true);
  });

  it('asks only for the fields it reads and passes refresh through', async () => {
    const { double, client } = await serve((request) => bulkReply(bulkIds(request), () => ({ status: 201 })));

    await bulkWrite(client, [create('a')], { ...noWait, refresh: 'wait_for' });

    const url = new URL(double.requests[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/_bulk');
    expect(url.searchParams.get('refresh')).toBe('wait_for');
    expect(url.searchParams.get('filter_path')).toBe('errors,items.*.status,items.*.error');
  });
});
