import type { DeadLetter } from '../../src/dead-letters/dead-letter';
import { redrive } from '../../src/dead-letters/redrive';
import type { RedriveTargets } from '../../src/dead-letters/redrive';

const base = { reason: 'undecodable-record', error: 'x', at: '2025-11-28T18:05:00.000Z' };
const recordLetter = (base64: string): DeadLetter => ({
  ...base,
  stage: 'normalize',
  payload: { kind: 'kinesis-record', base64 },
  source: { stream: 'arn:aws:kinesis:eu-west-1:111122223333:stream/logwarden-raw', shardId: 'shardId-000000000001', sequenceNumber: '4959', partitionKey: 'pk-1' },
});
const forwardLetter = (base64: string): DeadLetter => ({ ...base, stage: 'forward', reason: 'undecodable-payload', payload: { kind: 'subscription-event', base64 } });

function targets(overrides: Partial<RedriveTargets> = {}) {
  const put: [string, string, string][] = [];
  const forwarded: string[] = [];
  const t: RedriveTargets = {
    put: async (stream, data, key) => {
      put.push([stream, Buffer.from(data).toString(), key]);
      return true;
    },
    readFromStream: async () => Buffer.from('from the stream'),
    forward: async (data) => {
      forwarded.push(data);
      return data !== 'still-bad';
    },
    ...overrides,
  };
  return { t, put, forwarded };
}

describe('dead letters: redrive', () => {
  it('puts stream records back into the raw stream with their partition key', async () => {
    const { t, put } = targets();
    const outcomes = await redrive([recordLetter(Buffer.from('payload').toString('base64'))], t);
    expect(outcomes.map((o) => o.redriven)).toEqual([true]);
    expect(put).toEqual([['raw', 'payload', 'pk-1']]);
  });

  it('puts records a consumer of the normalized stream gave up on back into that stream', async () => {
    const { t, put } = targets();
    await redrive([{ ...recordLetter(Buffer.from('event').toString('base64')), stage: 'detect', source: undefined }], t);
    expect(put).toEqual([['normalized', 'event', 'redrive']]);
  });

  it('puts alert notices respond gave up on back into the alerts stream', async () => {
    const { t, put } = targets();
    await redrive([{ ...recordLetter(Buffer.from('notice').toString('base64')), stage: 'respond', source: undefined }], t);
    expect(put).toEqual([['alerts', 'notice', 'redrive']]);
  });

  it('re-reads a record from its stream position when the letter does not carry it', async () => {
    const { t, put } = targets();
    await redrive([recordLetter('')], t);
    expect(put).toEqual([['raw', 'from the stream', 'pk-1']]);
  });

  it('keeps a letter whose record can no longer be read', async () => {
    const { t } = targets({ readFromStream: async () => undefined });
    const [outcome] = await redrive([recordLetter('')], t);
    expect(outcome).toMatchObject({ redriven: false, why: expect.stringMatching(/retention/) });
  });

  it('runs subscription payloads through forward again, keeping those that still fail', async () => {
    const { t, forwarded } = targets();
    const outcomes = await redrive([forwardLetter('good'), forwardLetter('still-bad')], t);
    expect(forwarded).toEqual(['good', 'still-bad']);
    expect(outcomes.map((o) => o.redriven)).toEqual([true, false]);
  });

  it('keeps a letter when writing fails, with the error', async () => {
    const { t } = targets({ put: async () => { throw new Error('stream unavailable'); } });
    expect(await redrive([recordLetter('AAAA')], t)).toEqual([expect.objectContaining({ redriven: false, why: 'stream unavailable' })]);
  });
});
