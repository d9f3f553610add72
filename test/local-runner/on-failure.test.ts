import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileDeadLetterSink } from '../../src/dead-letters/file-sink';
import { deadLetterDestination, RETRY_ATTEMPTS_EXHAUSTED } from '../../src/local-runner/dead-letter-on-failure';
import { onFailureRecord } from '../../src/local-runner/on-failure-record';
import { kinesisRecord } from '../factories/kinesis-events';

describe('local runner: records given up on', () => {
  const records = [kinesisRecord('poison'), kinesisRecord('after')];
  const giveUp = {
    shardId: 'shardId-000000000000',
    streamArn: 'arn:aws:kinesis:eu-west-1:111122223333:stream/logwarden-raw',
    functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:logwarden-normalize',
    requestId: 'c9b8fa9f-5a7f-4a1c-af9c-0c604cde93a5',
    attempts: 3,
    records,
    error: 'the function threw: Error: cannot parse',
    functionError: 'Unhandled' as const,
    at: new Date('2025-11-28T18:05:00Z'),
  };

  it('describes them in the shape of Lambda on-failure invocation records', () => {
    expect(onFailureRecord(giveUp)).toEqual({
      requestContext: { requestId: giveUp.requestId, functionArn: giveUp.functionArn, condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2025-11-28T18:05:00.000Z',
      KinesisBatchInfo: {
        shardId: 'shardId-000000000000',
        startSequenceNumber: records[0]?.kinesis.sequenceNumber,
        endSequenceNumber: records[1]?.kinesis.sequenceNumber,
        approximateArrivalOfFirstRecord: '2025-11-28T18:03:31.123Z',
        approximateArrivalOfLastRecord: '2025-11-28T18:03:31.123Z',
        batchSize: 2,
        streamArn: giveUp.streamArn,
      },
      records,
      error: giveUp.error,
    });
  });

  it('leaves out functionError when the function answered with failed items rather than erroring', () => {
    const { functionError: _omitted, ...reported } = giveUp;
    expect(onFailureRecord(reported).responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
  });

  it('files each record as a dead letter of the stage, with its data, position and the reason', async () => {
    const sink = new FileDeadLetterSink(mkdtempSync(path.join(tmpdir(), 'dlq-')));
    await deadLetterDestination(sink, 'normalize')(onFailureRecord(giveUp));
    const { letters, invalidLines } = await sink.read('normalize');
    expect(invalidLines).toEqual([]);
    expect(letters).toHaveLength(2);
    expect(letters[0]).toEqual({
      stage: 'normalize',
      reason: RETRY_ATTEMPTS_EXHAUSTED,
      error: expect.stringContaining('the function threw: Error: cannot parse (gave up after 3 attempt(s); request c9b8fa9f-5a7f-4a1c-af9c-0c604cde93a5'),
      at: '2025-11-28T18:05:00.000Z',
      payload: { kind: 'kinesis-record', base64: Buffer.from('poison').toString('base64') },
      source: { stream: giveUp.streamArn, shardId: 'shardId-000000000000', sequenceNumber: records[0]?.kinesis.sequenceNumber, partitionKey: 'pk' },
    });
    expect(letters[1]?.source?.sequenceNumber).toBe(records[1]?.kinesis.sequenceNumber);
  });

  it('lets a failing dead-letter sink fail the destination, so the runner does not move past the records', async () => {
    const failing = { send: () => Promise.reject(new Error('disk full')) };
    await expect(deadLetterDestination(failing, 'detect')(onFailureRecord(giveUp))).rejects.toThrow('disk full');
  });
});
