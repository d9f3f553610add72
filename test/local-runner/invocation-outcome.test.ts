import { outcomeOf } from '../../src/local-runner/invocation-outcome';
import { kinesisRecord } from '../factories/kinesis-events';

describe('local runner: what Lambda makes of an invocation (ReportBatchItemFailures)', () => {
  const batch = [kinesisRecord('a'), kinesisRecord('b'), kinesisRecord('c'), kinesisRecord('d')];
  const seq = (i: number): string => batch[i]?.kinesis.sequenceNumber ?? '';
  const returned = (value: unknown) => outcomeOf(batch, { kind: 'returned', value });

  it.each([
    ['nothing (a void handler)', undefined],
    ['null', null],
    ['an empty object', {}],
    ['an empty failure list', { batchItemFailures: [] }],
    ['a null failure list', { batchItemFailures: null }],
    ['other keys beside an empty list', { batchItemFailures: [], processed: 4 }],
  ])('counts the batch as a success when the function returns %s', (_name, value) => {
    expect(returned(value)).toEqual({ kind: 'success' });
  });

  it('fails the batch from the one reported record when a record mid-batch failed', () => {
    expect(returned({ batchItemFailures: [{ itemIdentifier: seq(2) }] })).toMatchObject({ kind: 'failure', failedFrom: 2 });
  });

  it('fails from the lowest sequence number when several records are reported, in any order', () => {
    const outcome = returned({ batchItemFailures: [{ itemIdentifier: seq(3) }, { itemIdentifier: seq(1) }, { itemIdentifier: seq(2) }] });
    expect(outcome).toMatchObject({ kind: 'failure', failedFrom: 1 });
    expect(outcome).not.toHaveProperty('functionError');
  });

  it('fails the whole batch, as an unhandled function error, when the function throws', () => {
    expect(outcomeOf(batch, { kind: 'threw', error: new TypeError('boom') })).toEqual({ kind: 'failure', failedFrom: 0, reason: 'the function threw: TypeError: boom', functionError: 'Unhandled' });
  });

  it.each([
    ['an empty itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null itemIdentifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a wrongly keyed item', { batchItemFailures: [{ itemId: '1' }] }],
    ['a failure list that is not a list', { batchItemFailures: { itemIdentifier: '1' } }],
    ['a string', 'ok'],
    ['an array', [{ itemIdentifier: '1' }]],
  ])('fails the whole batch when the response has %s', (_name, value) => {
    expect(returned(value)).toMatchObject({ kind: 'failure', failedFrom: 0, reason: expect.stringContaining('invalid batch response') });
  });

  it('fails the whole batch when a reported sequence number is not in the batch', () => {
    const outcome = returned({ batchItemFailures: [{ itemIdentifier: seq(3) }, { itemIdentifier: '1' }] });
    expect(outcome).toMatchObject({ kind: 'failure', failedFrom: 0, reason: expect.stringContaining('1, which is not in the batch') });
  });
});
