import type { StreamRecord } from '../../src/kinesis/read-stream';
import type { PipelineHarness } from './support/pipeline-harness';
import { cleanUp, deliver, readStream, refreshAll, startPipeline } from './support/pipeline-harness';
import { realisticPayloads } from './support/payloads';

jest.setTimeout(240_000);

interface AlertSource {
  rule: { title: string; level: string };
  alert: { id: string; count: number; status: string; dedup_fields: Record<string, unknown>; selections: string[]; first_seen: string; last_seen: string };
  threat?: { technique: { id: string[] } };
  message?: string;
}

async function alerts(p: PipelineHarness): Promise<AlertSource[]> {
  await refreshAll(p);
  const result = await p.openSearch.search({ index: p.names.alerts, body: { size: 100, query: { match_all: {} } } });
  return (result.body.hits.hits as { _source: AlertSource }[]).map((h) => h._source);
}

async function eventIds(p: PipelineHarness): Promise<string[]> {
  await refreshAll(p);
  const result = await p.openSearch.search({ index: `${p.prefix}-events-*`, body: { size: 1000, _source: false, query: { match_all: {} } } });
  return (result.body.hits.hits as { _id: string }[]).map((h) => h._id);
}

const summary = (list: AlertSource[]) => list.map((a) => `${a.rule.title} ×${a.alert.count}`).sort();

describe('integration: the whole pipeline into a real OpenSearch', () => {
  let p: PipelineHarness;
  let normalized: StreamRecord[];
  let logEvents: number;

  beforeAll(async () => {
    p = await startPipeline('e2e');
    const input = realisticPayloads('e2e');
    logEvents = input.logEvents;
    for (const event of input.events) await p.forward(event);
    expect(await deliver(p.normalize, await readStream(p, p.raw), p.raw)).toEqual([]);
    normalized = await readStream(p, p.normalized);
    expect(normalized).toHaveLength(logEvents);
    expect(await deliver(p.detect, normalized, p.normalized)).toEqual([]);
    expect(await deliver(p.indexEvents, normalized, p.normalized)).toEqual([]);
  });

  afterAll(async () => cleanUp(p));

  it('stores every input event in the events index, once', async () => {
    const ids = await eventIds(p);
    expect(ids).toHaveLength(logEvents);
    expect(new Set(ids).size).toBe(logEvents);
  });

  it('raises each expected alert exactly once, with the right count', async () => {
    expect(summary(await alerts(p))).toEqual([
      'AWS CloudWatch Logs Subscription Filter Deleted ×1',
      'AWS Root Account Usage ×2',
      'SQL Injection Attempt in Function Request Logs ×3',
      'SSRF Attempt Against the Instance Metadata Service in Function Logs ×1',
      'SSRF Attempt Against the Instance Metadata Service in Function Logs ×1',
    ]);
  });

  it('fills the alert document: rule, ATT&CK, dedup key, selections, status, masked event copy', async () => {
    const all = await alerts(p);
    const ssrf = all.filter((a) => a.rule.title.startsWith('SSRF'));
    expect(ssrf.map((a) => a.alert.dedup_fields['faas.name']).sort()).toEqual(['orders-api', 'payments']);
    const root = all.find((a) => a.rule.title === 'AWS Root Account Usage');
    expect(root).toMatchObject({ rule: { level: 'high' }, threat: { technique: { id: ['T1078.004'] } }, alert: { status: 'open', selections: ['selection'], dedup_fields: { 'aws.cloudtrail.userIdentity.arn': 'arn:aws:iam::111122223333:root' } } });
    expect((root?.alert.first_seen ?? '') < (root?.alert.last_seen ?? '')).toBe(true);
  });

  it('changes no document and no count when the same input is replayed', async () => {
    const before = summary(await alerts(p));
    expect(await deliver(p.detect, normalized, p.normalized, 3)).toEqual([]);
    expect(await deliver(p.indexEvents, normalized, p.normalized, 3)).toEqual([]);
    expect(summary(await alerts(p))).toEqual(before);
    expect(await eventIds(p)).toHaveLength(logEvents);
  });
});
