import { putRecords } from '../../src/kinesis/put-records';
import { FileDeadLetterSink } from '../../src/dead-letters/file-sink';
import { subscriptionEvent, subscriptionPayload } from '../factories/kinesis-events';
import { managedOpenSearch, stopOpenSearch } from './support/opensearch-outage';
import { trail } from './support/payloads';
import type { PipelineHarness } from './support/pipeline-harness';
import { cleanUp, deliver, readStream, refreshAll, startPipeline } from './support/pipeline-harness';

jest.setTimeout(300_000);

/** Forwards and normalizes a batch of CloudTrail lines; returns the new normalized records. */
async function ingest(p: PipelineHarness, tag: string, lines: string[]) {
  const before = new Set((await readStream(p, p.normalized)).map((r) => r.sequenceNumber));
  await p.forward(subscriptionEvent(subscriptionPayload({ logGroup: 'aws-cloudtrail-logs-111122223333', logStream: `stream-${tag}` }, lines)));
  const rawBefore = new Set<string>();
  const raw = (await readStream(p, p.raw)).filter((r) => !rawBefore.has(r.sequenceNumber));
  await deliver(p.normalize, raw, p.raw);
  return (await readStream(p, p.normalized)).filter((r) => !before.has(r.sequenceNumber));
}

async function countIn(p: PipelineHarness, index: string): Promise<{ total: number; distinct: number }> {
  await refreshAll(p);
  const result = await p.openSearch.search({ index, body: { size: 1000, _source: false, query: { match_all: {} } } });
  const ids = (result.body.hits.hits as { _id: string }[]).map((h) => h._id);
  return { total: ids.length, distinct: new Set(ids).size };
}

async function setBlock(p: PipelineHarness, index: string, blocked: boolean): Promise<void> {
  await p.openSearch.indices.putSettings({ index, body: { 'index.blocks.read_only_allow_delete': blocked ? true : null } });
}

const rootCalls = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => trail({ userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' }, eventName: 'ListBuckets', eventSource: 's3.amazonaws.com' }, from + i));

describe('integration: nothing is lost when OpenSearch misbehaves', () => {
  let p: PipelineHarness;
  const eventsIndex = () => `${p.prefix}-events-2025.11.28`;

  beforeAll(async () => {
    p = await startPipeline('failures');
    const first = await ingest(p, 'first', rootCalls(0, 3));
    expect(await deliver(p.indexEvents, first, p.normalized)).toEqual([]);
    expect(await deliver(p.detect, first, p.normalized)).toEqual([]);
  });

  afterAll(async () => cleanUp(p));

  it('retries writes while the indices are blocked and delivers them once the block is lifted', async () => {
    const records = await ingest(p, 'blocked', rootCalls(10, 4));
    await setBlock(p, eventsIndex(), true);
    await setBlock(p, p.names.alerts, true);
    await setBlock(p, p.names.alertMatches, true);
    const lift = new Promise<void>((resolve) => {
      setTimeout(() => {
        void Promise.all([setBlock(p, eventsIndex(), false), setBlock(p, p.names.alerts, false), setBlock(p, p.names.alertMatches, false)]).then(() => resolve());
      }, 2_500);
    });
    const [indexFailures, detectFailures] = await Promise.all([deliver(p.indexEvents, records, p.normalized), deliver(p.detect, records, p.normalized)]);
    await lift;
    expect([indexFailures, detectFailures]).toEqual([[], []]);
    expect(await countIn(p, eventsIndex())).toEqual({ total: 7, distinct: 7 });
    const alert = await p.openSearch.search({ index: p.names.alerts, body: { query: { term: { 'rule.title': 'AWS Root Account Usage' } } } });
    expect((alert.body.hits.hits as { _source: { alert: { count: number } } }[]).map((h) => h._source.alert.count)).toEqual([7]);
  });

  it('loses nothing while OpenSearch is stopped: failed records are redelivered once it is back', async () => {
    const records = await ingest(p, 'outage', rootCalls(20, 5));
    const node = managedOpenSearch();
    await stopOpenSearch(node);
    let failedIndex: string[] = [];
    let failedDetect: string[] = [];
    try {
      // A short invocation: the handlers give up within their deadline and report the records.
      failedIndex = await deliver(p.indexEvents, records, p.normalized, 10, 6_000);
      failedDetect = await deliver(p.detect, records, p.normalized, 10, 6_000);
    } finally {
      await node.start();
    }
    expect(failedIndex).toEqual(records.map((r) => r.sequenceNumber));
    expect(failedDetect).toEqual(records.map((r) => r.sequenceNumber));
    // Lambda redelivers from the lowest failed sequence number.
    expect(await deliver(p.indexEvents, records.filter((r) => failedIndex.includes(r.sequenceNumber)), p.normalized)).toEqual([]);
    expect(await deliver(p.detect, records.filter((r) => failedDetect.includes(r.sequenceNumber)), p.normalized)).toEqual([]);
    expect(await countIn(p, eventsIndex())).toEqual({ total: 12, distinct: 12 });
    const alert = await p.openSearch.search({ index: p.names.alerts, body: { query: { term: { 'rule.title': 'AWS Root Account Usage' } } } });
    expect((alert.body.hits.hits as { _source: { alert: { count: number } } }[]).map((h) => h._source.alert.count)).toEqual([12]);
  });

  it('dead-letters a document OpenSearch rejects for good, with its error, and stores the rest', async () => {
    const good = await ingest(p, 'reject', rootCalls(40, 1));
    const decoded = JSON.parse(Buffer.from(good[0]?.data ?? []).toString()) as { event: { id: string }; aws: { cloudtrail: Record<string, unknown> } };
    // A boolean field holding text: the mapping refuses it (booleans cannot ignore malformed values).
    const poisoned = { ...decoded, event: { ...decoded.event, id: `${decoded.event.id}-poisoned` }, aws: { ...decoded.aws, cloudtrail: { ...decoded.aws.cloudtrail, readOnly: 'maybe' } } };
    await putRecords(p.kinesis, p.normalized, [{ data: Buffer.from(JSON.stringify(poisoned)), partitionKey: 'poison' }]);
    const records = (await readStream(p, p.normalized)).slice(-2);
    expect(await deliver(p.indexEvents, records, p.normalized)).toEqual([]);
    const { letters } = await new FileDeadLetterSink(p.deadLetters).read('index-events');
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ stage: 'index-events', reason: 'rejected-by-opensearch', error: expect.stringMatching(/mapper_parsing_exception|readOnly/) });
    expect(await countIn(p, eventsIndex())).toEqual({ total: 13, distinct: 13 });
  });
});
