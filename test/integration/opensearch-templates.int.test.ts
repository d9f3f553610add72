import type { Client } from '@opensearch-project/opensearch';
import { bulkWrite } from '../../src/opensearch/bulk-write';
import { ensureIndexTemplates } from '../../src/opensearch/ensure-templates';
import { fitFlatObjects } from '../../src/opensearch/fit-flat-objects';
import { eventsIndexFor } from '../../src/opensearch/index-names';
import { refreshIndex } from '../../src/opensearch/search';
import { setupOpenSearch } from '../../src/opensearch/setup';
import { TOTAL_FIELDS_LIMIT } from '../../src/opensearch/templates';
import { liveClient, mappedFieldCount, removeAll, storedDocument, uniqueNames } from '../opensearch/live-node';

jest.setTimeout(60_000);

const names = uniqueNames();
const day = '2026-02-03T10:00:00.000Z';
const eventsIndex = eventsIndexFor(names.prefix, day);
let client: Client;

function event(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@timestamp': day,
    message: `event ${id}`,
    event: { id, kind: 'event', module: 'aws', dataset: 'aws.cloudwatch_logs', original: `event ${id}` },
    cloud: { provider: 'aws', account: { id: '111122223333' } },
    aws: { cloudwatch: { log_group: '/app/orders', log_stream: 's', event_id: id, owner: '111122223333', subscription_filters: ['f'] } },
    logwarden: { source: 'application', parser: 'application-json' },
    ...extra,
  };
}

async function writeEvents(...documents: Record<string, unknown>[]): Promise<Awaited<ReturnType<typeof bulkWrite>>> {
  const report = await bulkWrite(
    client,
    documents.map((document) => ({ action: 'create', index: eventsIndex, id: String((document['event'] as { id: string }).id), document })),
    { refresh: 'true' },
  );
  return report;
}

beforeAll(async () => {
  client = liveClient();
  await setupOpenSearch(client, { names, replicas: 0 });
});

afterAll(async () => {
  await removeAll(client, names);
  await client.close();
});

describe('opensearch templates on a real node', () => {
  it('installs idempotently: a second run changes nothing, a changed setting updates only what it touches', async () => {
    expect((await ensureIndexTemplates(client, { names, replicas: 0 })).map((r) => r.outcome)).toEqual(Array(8).fill('unchanged'));
    const changed = await ensureIndexTemplates(client, { names, replicas: 1 });
    expect(changed.map((r) => `${r.kind}:${r.outcome}`)).toEqual(['component:unchanged', 'component:unchanged', 'component:unchanged', 'component:unchanged', 'index:updated', 'index:updated', 'index:updated', 'index:updated']);
    await ensureIndexTemplates(client, { names, replicas: 0 });
  });

  it('gives a new daily events index the explicit mappings, dynamic false and the settings', async () => {
    expect((await writeEvents(event('m1', { source: { ip: '203.0.113.7', port: 443 }, json: { orderId: 81723 } }))).written).toBe(1);

    const mapping = (await client.indices.getMapping({ index: eventsIndex })).body as Record<string, { mappings: { dynamic: string; properties: Record<string, { type?: string; properties?: Record<string, { type?: string }> }> } }>;
    const { mappings } = mapping[eventsIndex] ?? { mappings: { dynamic: '', properties: {} } };
    expect(mappings.dynamic).toBe('false');
    expect(mappings.properties['json']?.type).toBe('flat_object');
    expect(mappings.properties['source']?.properties?.['ip']?.type).toBe('ip');
    expect(mappings.properties['@timestamp']?.type).toBe('date');
    const settings = (await client.indices.getSettings({ index: eventsIndex })).body as Record<string, { settings: { index: Record<string, unknown> } }>;
    expect(settings[eventsIndex]?.settings.index).toMatchObject({ refresh_interval: '5s', number_of_replicas: '0', mapping: { total_fields: { limit: String(TOTAL_FIELDS_LIMIT) } } });
  });

  it('stores an event with 5,000 distinct json keys and 50 levels of nesting without adding a field (checklist 29)', async () => {
    const before = await mappedFieldCount(client, eventsIndex);
    const json: Record<string, unknown> = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`key_${i}`, `value_${i}`]));
    let deep: Record<string, unknown> = { leaf: 'bottom' };
    for (let level = 0; level < 50; level++) deep = { [`level_${level}`]: deep };
    json['deep'] = deep;

    const report = await writeEvents(event('wide', { json, unknown_top_level: { a: { b: 1 } } }));

    expect(report.permanentFailures).toEqual([]);
    expect(report.written).toBe(1);
    const after = await mappedFieldCount(client, eventsIndex);
    expect(after).toBe(before);
    expect(after).toBeLessThan(TOTAL_FIELDS_LIMIT / 2);
    const found = await client.search({ index: eventsIndex, body: { query: { bool: { filter: [{ term: { 'json.key_4321': 'value_4321' } }] } } } });
    expect((found.body as { hits: { total: { value: number } } }).hits.total.value).toBe(1);
    expect((await storedDocument(client, eventsIndex, 'wide'))?.source['unknown_top_level']).toEqual({ a: { b: 1 } }); // kept in _source
  });

  it('indexes the renamed metadata and prototype keys the normalizer produces (checklist 30)', async () => {
    const json = JSON.parse('{"_id_":"x","_index_":"y","__proto___":{"polluted":true},"constructor_":"c","_source_":1}') as Record<string, unknown>;

    const report = await writeEvents(event('renamed', { json }));

    expect(report.written).toBe(1);
    expect((await storedDocument(client, eventsIndex, 'renamed'))?.source['json']).toEqual(json);
  });

  it('rejects a 40 KB json value (Lucene term limit) unless fitFlatObjects cuts it first', async () => {
    const big = event('big', { json: { payload: 'x'.repeat(40_000) } });

    const rejected = await writeEvents(big);
    expect(rejected.permanentFailures).toEqual([expect.objectContaining({ status: 400, type: 'illegal_argument_exception', reason: expect.stringContaining('immense term') })]);

    const fitted = fitFlatObjects(big).document;
    expect((await writeEvents(fitted)).written).toBe(1);
    expect((await storedDocument(client, eventsIndex, 'big'))?.source['logwarden']).toMatchObject({ index_adjustments: ['truncated:json'] });
  });

  it('creates the alerts index with the event and alert fields mapped', async () => {
    await refreshIndex(client, names.alerts);
    const mapping = (await client.indices.getMapping({ index: names.alerts })).body as Record<string, { mappings: { properties: Record<string, { properties?: Record<string, { type?: string }> }> } }>;
    const properties = mapping[names.alerts]?.mappings.properties ?? {};
    expect(properties['alert']?.properties?.['last_seen']?.type).toBe('date');
    expect(properties['rule']?.properties?.['level']?.type).toBe('keyword');
    expect(properties['source']?.properties?.['ip']?.type).toBe('ip');
  });
});
