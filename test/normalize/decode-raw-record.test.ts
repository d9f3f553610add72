import { gzipSync } from 'node:zlib';
import { decodeRawRecord } from '../../src/normalize/decode-raw-record';
import { CONTROL_PAYLOAD, subscriptionPayload } from '../factories/kinesis-events';

describe('normalize: decoding raw stream records', () => {
  const record = { v: 1, owner: '111122223333', logGroup: 'g', logStream: 's', subscriptionFilters: [], id: '1', timestamp: 1, message: 'm' };

  it('reads a forwarder record, plain or gzip', () => {
    expect(decodeRawRecord(Buffer.from(JSON.stringify(record)))).toEqual({ ok: true, records: [record] });
    expect(decodeRawRecord(gzipSync(JSON.stringify(record)))).toEqual({ ok: true, records: [record] });
  });

  it('expands a payload CloudWatch Logs delivered straight to Kinesis', () => {
    const decoded = decodeRawRecord(gzipSync(JSON.stringify(subscriptionPayload({}, ['a', 'b', 'c']))));
    expect(decoded.ok && decoded.records.map((r) => r.message)).toEqual(['a', 'b', 'c']);
  });

  it('yields no records for a control message', () => {
    expect(decodeRawRecord(gzipSync(JSON.stringify(CONTROL_PAYLOAD)))).toEqual({ ok: true, records: [] });
  });

  it.each([
    ['binary garbage', Buffer.from([0, 159, 146, 150, 255])],
    ['truncated JSON', Buffer.from('{"v":1,"owner":"1')],
    ['a JSON object of another shape', Buffer.from('{"hello":"world"}')],
    ['a gzip bomb', gzipSync(Buffer.alloc(64 * 1024 * 1024))],
    ['a record with an unknown key', Buffer.from(JSON.stringify({ ...record, logwarden: 'x' }))],
    ['100,000 nested arrays', Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
    ['a 100,000-level nested object', Buffer.from(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)],
  ])('refuses %s with a reason', (_name, data) => {
    const decoded = decodeRawRecord(data);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error.length).toBeGreaterThan(10);
  });
});
