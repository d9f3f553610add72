import { batchLength, bufferedRecord, isBatchFull } from '../../src/local-runner/take-batch';
import { kinesisRecord } from '../factories/kinesis-events';

describe('local runner: cutting batches (BatchSize and the 6 MB payload)', () => {
  const records = (count: number, bytes = 10) => Array.from({ length: count }, () => bufferedRecord(kinesisRecord('x'.repeat(bytes))));

  it('takes at most batchSize records', () => {
    expect(batchLength(records(7), { batchSize: 5, maxPayloadBytes: 6_000_000 })).toBe(5);
    expect(batchLength(records(3), { batchSize: 5, maxPayloadBytes: 6_000_000 })).toBe(3);
  });

  it('cuts the batch where the event would exceed the payload limit', () => {
    const buffer = records(5, 1_000);
    const eventBytes = Buffer.byteLength(JSON.stringify({ Records: buffer.slice(0, 3).map((b) => b.record) }));
    expect(batchLength(buffer, { batchSize: 100, maxPayloadBytes: eventBytes })).toBe(3);
    expect(batchLength(buffer, { batchSize: 100, maxPayloadBytes: eventBytes - 1 })).toBe(2);
  });

  it('still takes one record that alone exceeds the limit, so a shard is never stuck', () => {
    expect(batchLength(records(2, 1_000), { batchSize: 100, maxPayloadBytes: 10 })).toBe(1);
  });

  it('takes nothing from an empty buffer', () => {
    expect(batchLength([], { batchSize: 10, maxPayloadBytes: 100 })).toBe(0);
  });

  it('calls a buffer full at batchSize or when the payload limit cuts it, not before', () => {
    expect(isBatchFull(records(5), { batchSize: 5, maxPayloadBytes: 6_000_000 })).toBe(true);
    expect(isBatchFull(records(4), { batchSize: 5, maxPayloadBytes: 6_000_000 })).toBe(false);
    expect(isBatchFull(records(2, 1_000), { batchSize: 5, maxPayloadBytes: 1_500 })).toBe(true);
    expect(isBatchFull([], { batchSize: 5, maxPayloadBytes: 6_000_000 })).toBe(false);
  });
});
