import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { DeadLetter } from '../../src/dead-letters/dead-letter';
import { ForwardError, forwardSubscriptionEvent } from '../../src/forward/forward-subscription';
import { MAX_RECORD_BYTES } from '../../src/forward/raw-records';
import { decodeRawRecord } from '../../src/normalize/decode-raw-record';
import type { StreamEntry } from '../../src/streams/stream-writer';
import { CONTROL_PAYLOAD, subscriptionEvent, subscriptionPayload } from '../factories/kinesis-events';

function harness(failing: (entry: StreamEntry, index: number) => boolean = () => false) {
  const written: StreamEntry[][] = [];
  const letters: DeadLetter[] = [];
  const deps = {
    writeRaw: async (entries: readonly StreamEntry[]) => {
      written.push([...entries]);
      return { failed: new Set(entries.flatMap((e, i) => (failing(e, i) ? [i] : []))) };
    },
    deadLetters: { send: async (l: readonly DeadLetter[]) => void letters.push(...l) },
    now: () => new Date('2025-11-28T18:05:00Z'),
  };
  return { deps, written, letters };
}

describe('forward: subscription events', () => {
  it('writes one raw record per log event, keeping the envelope, partitioned by log stream', async () => {
    const h = harness();
    const payload = subscriptionPayload({}, ['START RequestId: 1 Version: $LATEST\n', 'hello\n', 'END RequestId: 1\n']);
    const report = await forwardSubscriptionEvent(subscriptionEvent(payload), h.deps);
    expect(report).toEqual({ kind: 'forwarded', logEvents: 3, records: 3, logGroup: '/aws/lambda/orders-api' });
    const entries = h.written.flat();
    expect(new Set(entries.map((e) => e.partitionKey)).size).toBe(1);
    const decoded = entries.map((e) => decodeRawRecord(e.data));
    expect(decoded[1]).toEqual({
      ok: true,
      records: [{ v: 1, owner: '111122223333', logGroup: '/aws/lambda/orders-api', logStream: payload.logStream, subscriptionFilters: ['logwarden'], id: payload.logEvents[1]?.id, timestamp: 1764353011124, message: 'hello\n' }],
    });
  });

  it('gives different log streams different partition keys', async () => {
    const h = harness();
    await forwardSubscriptionEvent(subscriptionEvent(subscriptionPayload({ logStream: 'a' })), h.deps);
    await forwardSubscriptionEvent(subscriptionEvent(subscriptionPayload({ logStream: 'b' })), h.deps);
    const keys = h.written.flat().map((e) => e.partitionKey);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.every((k) => k.length <= 256)).toBe(true);
  });

  it('acknowledges a CONTROL_MESSAGE without writing anything', async () => {
    const h = harness();
    expect(await forwardSubscriptionEvent(subscriptionEvent(CONTROL_PAYLOAD), h.deps)).toEqual({ kind: 'control-message' });
    expect(h.written).toEqual([]);
    expect(h.letters).toEqual([]);
  });

  it('tolerates unknown envelope keys such as policyLevel', async () => {
    const h = harness();
    const report = await forwardSubscriptionEvent(subscriptionEvent({ ...subscriptionPayload(), policyLevel: 'ACCOUNT_LEVEL_POLICY' }), h.deps);
    expect(report.kind).toBe('forwarded');
  });

  it.each([
    ['invalid base64', { awslogs: { data: '!!!not base64!!!' } }, /not valid base64/],
    ['base64 that is not gzip', { awslogs: { data: Buffer.from('plain text').toString('base64') } }, /not gzip/],
    ['truncated gzip', { awslogs: { data: gzipSync(Buffer.from(JSON.stringify(subscriptionPayload()))).subarray(0, 30).toString('base64') } }, /invalid gzip/],
    ['gzip of something that is not JSON', { awslogs: { data: gzipSync(Buffer.from('{"messageType": ')).toString('base64') } }, /not valid JSON/],
    ['a payload without logEvents', subscriptionEvent({ messageType: 'DATA_MESSAGE', owner: '1', logGroup: 'g', logStream: 's', subscriptionFilters: [] }), /logEvents/],
    ['no awslogs at all', { Records: [] }, /no awslogs.data/],
  ])('dead-letters %s with the reason and the payload, and returns normally', async (_name, event, error) => {
    const h = harness();
    const report = await forwardSubscriptionEvent(event, h.deps);
    expect(report.kind).toBe('dead-lettered');
    expect(h.letters).toHaveLength(1);
    expect(h.letters[0]).toMatchObject({ stage: 'forward', error: expect.stringMatching(error), at: '2025-11-28T18:05:00.000Z' });
    expect(h.letters[0]?.payload.base64.length).toBeGreaterThan(0);
    expect(h.written).toEqual([]);
  });

  it('rejects a gzip bomb quickly and within bounded memory', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20)); // ~200 KB that inflates to 200 MB
    const h = harness();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const report = await forwardSubscriptionEvent({ awslogs: { data: bomb.toString('base64') } }, h.deps);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(report).toMatchObject({ kind: 'dead-lettered', reason: 'undecodable-payload', error: expect.stringMatching(/inflates beyond/) });
  });

  it('keeps an oversized message whole by compressing it, and splits only what cannot fit', async () => {
    const h = harness();
    const compressible = 'x'.repeat(MAX_RECORD_BYTES + 10);
    // A binary dump printed as text: a million pseudo-random bytes (seeded), which neither fit nor compress.
    const bytes = Buffer.concat(Array.from({ length: 31_250 }, (_, i) => createHash('sha256').update(String(i)).digest()));
    const random = bytes.toString('latin1');
    await forwardSubscriptionEvent(subscriptionEvent(subscriptionPayload({}, [compressible, random])), h.deps);
    const entries = h.written.flat();
    expect(entries.every((e) => e.data.length <= MAX_RECORD_BYTES)).toBe(true);
    const records = entries.flatMap((e) => {
      const d = decodeRawRecord(e.data);
      return d.ok ? d.records : [];
    });
    expect(records[0]?.message).toBe(compressible);
    expect(records[0]?.part).toBeUndefined();
    const parts = records.slice(1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, index) => ({ index, count: parts.length })));
    expect(parts.map((p) => p.message).join('')).toBe(random);
  });

  it('throws after the writer gave up, so the asynchronous retry takes over', async () => {
    const h = harness((_e, i) => i === 1);
    await expect(forwardSubscriptionEvent(subscriptionEvent(subscriptionPayload({}, ['a', 'b', 'c'])), h.deps)).rejects.toThrow(ForwardError);
  });
});
