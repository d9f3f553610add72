import type { BatchStage, DeadLetterRequest, RecordOutcome } from '../../src/batch/process-batch';
import { processBatch } from '../../src/batch/process-batch';
import type { KinesisEventRecord } from '../../src/batch/kinesis-event';
import { kinesisRecord } from '../factories/kinesis-events';

type Behaviour = 'ok' | 'retry' | 'dead' | 'throw';

function stage(behaviour: (text: string) => Behaviour, failWrites: (output: string) => boolean = () => false) {
  const order: string[] = [];
  const written: string[] = [];
  const letters: DeadLetterRequest[] = [];
  const impl: BatchStage<string> = {
    async process(record: KinesisEventRecord): Promise<RecordOutcome<string>> {
      const text = Buffer.from(record.kinesis.data, 'base64').toString();
      await new Promise((r) => setTimeout(r, text.length % 3)); // uneven async work: order must still hold
      order.push(text);
      switch (behaviour(text)) {
        case 'retry':
          return { kind: 'retry', error: `cannot ${text} yet` };
        case 'dead':
          return { kind: 'dead-letter', reason: 'corrupt', error: `${text} is corrupt` };
        case 'throw':
          throw new Error(`bug on ${text}`);
        default:
          return { kind: 'processed', outputs: [`${text}-a`, `${text}-b`] };
      }
    },
    async write(outputs) {
      written.push(...outputs);
      return new Set(outputs.flatMap((o, i) => (failWrites(o) ? [i] : [])));
    },
    async deadLetter(requests) {
      letters.push(...requests);
    },
  };
  return { impl, order, written, letters };
}

const records = (n: number) => Array.from({ length: n }, (_, i) => kinesisRecord(`r${i}`));
const plenty = { remainingTimeMs: () => 60_000, reserveMs: 5_000 };

describe('batch: partial batch responses', () => {
  it('reports no failures when every record succeeds', async () => {
    const s = stage(() => 'ok');
    const report = await processBatch(records(10), s.impl, plenty);
    expect(report.response).toEqual({ batchItemFailures: [] });
    expect(report).toMatchObject({ processed: 10, outputs: 20, failed: 0 });
  });

  it('processes records in sequence order, one at a time, whatever order they arrive in', async () => {
    const batch = records(8);
    const s = stage(() => 'ok');
    await processBatch([...batch].reverse(), s.impl, plenty);
    expect(s.order).toEqual(batch.map((_, i) => `r${i}`));
  });

  it('orders sequence numbers that differ only past the 16th digit', async () => {
    const a = kinesisRecord('first', { sequenceNumber: '49590338271490256608559692538361571095921575989136588898' });
    const b = kinesisRecord('second', { sequenceNumber: '49590338271490256608559692538361571095921575989136588899' });
    const s = stage(() => 'ok');
    await processBatch([b, a], s.impl, plenty);
    expect(s.order).toEqual(['first', 'second']);
  });

  it('fails a retryable record and every record after it, from the lowest sequence number', async () => {
    const batch = records(10);
    const s = stage((t) => (t === 'r4' || t === 'r8' ? 'retry' : 'ok'));
    const report = await processBatch(batch, s.impl, plenty);
    expect(report.response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.slice(4).map((r) => r.kinesis.sequenceNumber));
    expect(s.order).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']); // nothing after the failure is started
    expect(report.processed).toBe(4);
  });

  it('treats an unexpected exception as a retryable failure and still answers well-formed', async () => {
    const batch = records(3);
    const report = await processBatch(batch, stage((t) => (t === 'r1' ? 'throw' : 'ok')).impl, plenty);
    expect(report.response.batchItemFailures).toEqual([{ itemIdentifier: batch[1]?.kinesis.sequenceNumber }, { itemIdentifier: batch[2]?.kinesis.sequenceNumber }]);
    expect(report.stoppedBecause).toMatch(/bug on r1/);
  });

  it('dead-letters records that can never succeed and carries on', async () => {
    const batch = records(5);
    const s = stage((t) => (t === 'r2' ? 'dead' : 'ok'));
    const report = await processBatch(batch, s.impl, plenty);
    expect(report.response.batchItemFailures).toEqual([]);
    expect(s.letters.map((l) => [l.reason, l.error, l.record.kinesis.sequenceNumber])).toEqual([['corrupt', 'r2 is corrupt', batch[2]?.kinesis.sequenceNumber]]);
    expect(report).toMatchObject({ processed: 5, deadLettered: 1, outputs: 8 });
  });

  it('fails from the first record whose output could not be written', async () => {
    const batch = records(6);
    const s = stage(() => 'ok', (o) => o === 'r3-b');
    const report = await processBatch(batch, s.impl, plenty);
    expect(report.response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.slice(3).map((r) => r.kinesis.sequenceNumber));
    expect(report.stoppedBecause).toMatch(/1 output\(s\) could not be written/);
  });

  it('retries the whole batch when the write fails without saying what', async () => {
    const batch = records(3);
    const s = stage(() => 'ok');
    s.impl.write = async () => {
      throw new Error('connection reset');
    };
    const report = await processBatch(batch, s.impl, plenty);
    expect(report.response.batchItemFailures).toHaveLength(3);
  });

  it('retries dead letters that could not be stored instead of losing them', async () => {
    const batch = records(4);
    const s = stage((t) => (t === 'r1' ? 'dead' : 'ok'));
    s.impl.deadLetter = async () => {
      throw new Error('queue unavailable');
    };
    const report = await processBatch(batch, s.impl, plenty);
    expect(report.response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.slice(1).map((r) => r.kinesis.sequenceNumber));
  });

  it('stops before the time runs out and reports the untouched records as failures', async () => {
    const batch = records(10);
    let remaining = 20_000;
    const s = stage(() => {
      remaining -= 4_000; // each record "takes" 4 s
      return 'ok';
    });
    const report = await processBatch(batch, s.impl, { remainingTimeMs: () => remaining, reserveMs: 5_000 });
    // 20 s: records r0..r3 run (20→4 s left), then less than the 5 s reserve remains.
    expect(s.order).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(report.response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.slice(4).map((r) => r.kinesis.sequenceNumber));
    expect(report.stoppedBecause).toMatch(/time running out: 6 record/);
    expect(s.written).toHaveLength(8); // the processed records' outputs are still written
  });

  it('answers an empty batch', async () => {
    expect((await processBatch([], stage(() => 'ok').impl, plenty)).response).toEqual({ batchItemFailures: [] });
  });
});
