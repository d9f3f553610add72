import { Readable } from 'node:stream';
import type { Client } from '@opensearch-project/opensearch';
import { opensearchSetup } from '../../src/cli/commands/opensearch-setup';
import type { BulkOperation } from '../../src/opensearch/bulk-operation';
import { bulkWrite } from '../../src/opensearch/bulk-write';
import { countMatches, getAlert, refreshIndex, searchAlerts } from '../../src/opensearch/search';
import { liveClient, removeAll, uniqueNames } from '../opensearch/live-node';

jest.setTimeout(60_000);

const names = uniqueNames();
let client: Client;

function alert(id: string, ruleId: string, level: string, status: string, lastSeen: string): BulkOperation {
  return {
    action: 'create',
    index: names.alerts,
    id,
    document: {
      '@timestamp': lastSeen,
      message: `triggering event of ${id}`,
      rule: { id: ruleId, title: `Rule ${ruleId}`, level },
      alert: { id, status, count: 1, first_seen: lastSeen, last_seen: lastSeen },
    },
  };
}

function match(alertId: string, eventId: string, at: string): BulkOperation {
  return { action: 'create', index: names.alertMatches, id: `${alertId}:${eventId}`, document: { '@timestamp': at, alert: { id: alertId }, event: { id: eventId }, rule: { id: 'r' } } };
}

async function runSetup(): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { stdin: Readable.from(['']), stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => s } };
  const code = await opensearchSetup(io, { OPENSEARCH_URL: process.env.OPENSEARCH_URL, LOGWARDEN_INDEX_PREFIX: names.prefix });
  return { code, stdout };
}

beforeAll(async () => {
  client = liveClient();
});

afterAll(async () => {
  await removeAll(client, names);
  await client.close();
});

describe('logwarden opensearch setup on a real node', () => {
  it('creates everything the first time and leaves it alone the second time', async () => {
    const first = await runSetup();
    const second = await runSetup();

    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`index template ${names.alerts}: created`);
    expect(first.stdout).toContain(`index ${names.alertMatches}: created`);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`component template ${names.prefix}-event-fields: unchanged`);
    expect(second.stdout).toContain(`index ${names.alerts}: already exists`);
  });
});

describe('alert lookups on a real node', () => {
  beforeAll(async () => {
    const report = await bulkWrite(client, [
      alert('a-high-open', 'rule-1', 'high', 'open', '2026-02-01T10:00:00.000Z'),
      alert('a-crit-open', 'rule-2', 'critical', 'open', '2026-02-02T10:00:00.000Z'),
      alert('a-low-closed', 'rule-1', 'low', 'closed', '2026-01-20T10:00:00.000Z'),
      match('a-high-open', 'e1', '2026-02-01T09:00:00.000Z'),
      match('a-high-open', 'e2', '2026-02-01T09:30:00.000Z'),
      match('a-high-open', 'e3', '2026-02-01T10:00:00.000Z'),
      match('a-crit-open', 'e4', '2026-02-02T10:00:00.000Z'),
    ]);
    expect(report.written).toBe(7);
    await refreshIndex(client, names.alerts);
    await refreshIndex(client, names.alertMatches);
  });

  it('filters alerts by time, level, rule and status, newest first', async () => {
    const ids = async (filter: Parameters<typeof searchAlerts>[2]): Promise<string[]> => (await searchAlerts(client, names.alerts, filter)).alerts.map((a) => a.id);

    expect(await ids({})).toEqual(['a-crit-open', 'a-high-open', 'a-low-closed']);
    expect(await ids({ since: '2026-02-01T00:00:00Z' })).toEqual(['a-crit-open', 'a-high-open']);
    expect(await ids({ level: ['high', 'critical'] })).toEqual(['a-crit-open', 'a-high-open']);
    expect(await ids({ ruleId: 'rule-1', status: 'closed' })).toEqual(['a-low-closed']);
    expect(await ids({ size: 1 })).toEqual(['a-crit-open']);
    expect((await searchAlerts(client, names.alerts, { size: 1 })).total).toBe(3);
  });

  it('finds nothing for query syntax in a value (checklist 39)', async () => {
    for (const value of ['*', '*) OR (*', '" OR 1=1', 'rule-1 OR rule-2']) {
      expect((await searchAlerts(client, names.alerts, { ruleId: value })).alerts).toEqual([]);
    }
  });

  it('gets one alert with its version, or undefined', async () => {
    const hit = await getAlert(client, names.alerts, 'a-high-open');
    expect(hit).toMatchObject({ id: 'a-high-open', index: names.alerts, seqNo: expect.any(Number), primaryTerm: 1, document: { rule: { id: 'rule-1' } } });
    expect(await getAlert(client, names.alerts, 'no-such-alert')).toBeUndefined();
  });

  it('counts matches per alert with the first and last match time', async () => {
    const counts = await countMatches(client, names.alertMatches, ['a-high-open', 'a-crit-open', 'a-low-closed']);

    expect(Object.fromEntries(counts)).toEqual({
      'a-high-open': { count: 3, firstSeen: '2026-02-01T09:00:00.000Z', lastSeen: '2026-02-01T10:00:00.000Z' },
      'a-crit-open': { count: 1, firstSeen: '2026-02-02T10:00:00.000Z', lastSeen: '2026-02-02T10:00:00.000Z' },
      'a-low-closed': { count: 0 },
    });
  });
});
