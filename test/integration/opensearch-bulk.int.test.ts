import type { Client } from '@opensearch-project/opensearch';
import type { BulkOperation } from '../../src/opensearch/bulk-operation';
import { bulkWrite } from '../../src/opensearch/bulk-write';
import type { BulkRetryInfo } from '../../src/opensearch/bulk-write';
import { eventsIndexFor } from '../../src/opensearch/index-names';
import { refreshIndex } from '../../src/opensearch/search';
import { setupOpenSearch } from '../../src/opensearch/setup';
import { liveClient, removeAll, storedDocument, uniqueNames } from '../opensearch/live-node';

jest.setTimeout(60_000);

const names = uniqueNames();
let client: Client;

function creates(index: string, count: number, prefix: string): BulkOperation[] {
  return Array.from({ length: count }, (_, i) => ({
    action: 'create',
    index,
    id: `${prefix}-${i}`,
    document: { '@timestamp': '2026-02-03T10:00:00.000Z', message: `${prefix} ${i}`, event: { id: `${prefix}-${i}` } },
  }));
}

async function countIn(index: string): Promise<number> {
  await refreshIndex(client, index);
  const response = await client.count({ index });
  return (response.body as { count: number }).count;
}

async function setReadOnlyAllowDelete(index: string, blocked: boolean): Promise<void> {
  await client.indices.putSettings({ index, body: { 'index.blocks.read_only_allow_delete': blocked ? true : null } });
}

beforeAll(async () => {
  client = liveClient();
  await setupOpenSearch(client, { names, replicas: 0 });
});

afterAll(async () => {
  await removeAll(client, names);
  await client.close();
});

describe('bulkWrite against a real node', () => {
  it('reports every document of a repeated create as already present (checklist 22)', async () => {
    const index = eventsIndexFor(names.prefix, '2026-02-03T00:00:00Z');
    const operations = creates(index, 50, 'twice');

    const first = await bulkWrite(client, operations);
    const second = await bulkWrite(client, operations);

    expect(first).toMatchObject({ written: 50, alreadyPresent: 0, permanentFailures: [], retriesExhausted: [] });
    expect(second).toMatchObject({ written: 0, alreadyPresent: 50, permanentFailures: [], retriesExhausted: [] });
    expect(await countIn(index)).toBe(50);
  });

  it('retries real per-item 429s from a read_only_allow_delete block and delivers every document once (checklist 24)', async () => {
    const index = eventsIndexFor(names.prefix, '2026-02-04T00:00:00Z');
    await bulkWrite(client, creates(index, 1, 'seed'));
    await setReadOnlyAllowDelete(index, true);
    const retries: BulkRetryInfo[] = [];
    const lift = new Promise<void>((resolve, reject) => {
      setTimeout(() => void setReadOnlyAllowDelete(index, false).then(resolve, reject), 1_000);
    });

    const report = await bulkWrite(client, creates(index, 40, 'blocked'), {
      baseDelayMs: 50,
      maxDelayMs: 200,
      maxAttempts: 100,
      deadline: Date.now() + 30_000,
      onRetry: (retry) => retries.push(retry),
    });
    await lift;

    expect(report).toMatchObject({ written: 40, alreadyPresent: 0, permanentFailures: [], retriesExhausted: [] });
    expect(report.retries).toBeGreaterThanOrEqual(40);
    expect(retries[0]?.types).toEqual(['cluster_block_exception']);
    expect(await countIn(index)).toBe(41);
    for (const i of [0, 17, 39]) expect((await storedDocument(client, index, `blocked-${i}`))?.version).toBe(1);
  });

  it('reports documents still blocked at the deadline as retries exhausted, never as written', async () => {
    const index = eventsIndexFor(names.prefix, '2026-02-05T00:00:00Z');
    await bulkWrite(client, creates(index, 1, 'seed'));
    await setReadOnlyAllowDelete(index, true);
    try {
      const seen: string[] = [];
      const report = await bulkWrite(client, creates(index, 5, 'late'), { baseDelayMs: 20, maxDelayMs: 50, maxAttempts: 100, deadline: Date.now() + 2_000, onRetry: (r) => seen.push(...r.types) });

      expect(report.written).toBe(0);
      expect(report.permanentFailures).toEqual([]);
      expect(report.retriesExhausted).toHaveLength(5);
      expect(seen).toContain('cluster_block_exception');
      // The last attempt is either answered with the block or cut short by the deadline on a busy machine.
      const last = report.retriesExhausted[0];
      if (last?.type === 'cluster_block_exception') expect(last).toMatchObject({ status: 429, reason: expect.stringContaining('read-only-allow-delete'), scope: 'item' });
      else expect(last).toMatchObject({ type: 'timeout', scope: 'request' });
    } finally {
      await setReadOnlyAllowDelete(index, false);
    }
  });

  it('reports a document the node rejects with its error and writes the others (checklist 23)', async () => {
    const index = eventsIndexFor(names.prefix, '2026-02-06T00:00:00Z');
    const operations = creates(index, 3, 'mixed');
    const bad: BulkOperation = { action: 'create', index, id: 'mixed-bad', document: { '@timestamp': 'not a date', message: 'bad' } };
    const metadata: BulkOperation = { action: 'create', index, id: 'mixed-meta', document: { '@timestamp': '2026-02-06T00:00:00Z', _id: 'forged' } };

    const report = await bulkWrite(client, [...operations, bad, metadata]);

    expect(report.written).toBe(3);
    expect(report.permanentFailures).toEqual([
      expect.objectContaining({ operation: bad, status: 400, type: 'mapper_parsing_exception', reason: expect.stringContaining('failed to parse field [@timestamp] of type [date]'), scope: 'item' }),
      expect.objectContaining({ operation: metadata, status: 400, type: 'mapper_parsing_exception', reason: expect.stringContaining('metadata field') }),
    ]);
    expect(report.outcomes).toEqual(['written', 'written', 'written', 'permanent-failure', 'permanent-failure']);
  });

  it('updates with a partial document, creates with upsert, and refuses a stale version (optimistic concurrency)', async () => {
    const index = names.alerts;
    const upsert: BulkOperation = { action: 'update', index, id: 'alert-1', document: { alert: { count: 2 } }, upsert: { '@timestamp': '2026-02-06T00:00:00Z', alert: { id: 'alert-1', count: 1, status: 'open' } } };

    expect((await bulkWrite(client, [upsert])).written).toBe(1);
    expect((await storedDocument(client, index, 'alert-1'))?.source).toMatchObject({ alert: { count: 1, status: 'open' } });
    expect((await bulkWrite(client, [upsert])).written).toBe(1);
    expect((await storedDocument(client, index, 'alert-1'))?.source).toMatchObject({ alert: { count: 2, status: 'open' } });

    const stale = await bulkWrite(client, [{ action: 'update', index, id: 'alert-1', document: { alert: { status: 'closed' } }, ifMatch: { seqNo: 0, primaryTerm: 1 } }]);
    expect(stale.permanentFailures).toEqual([expect.objectContaining({ status: 409, type: 'version_conflict_engine_exception' })]);
  });
});
