import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import type { DeadLetter } from '../../src/dead-letters/dead-letter';
import { FileDeadLetterSink } from '../../src/dead-letters/file-sink';
import { SqsDeadLetterSink } from '../../src/dead-letters/sqs-sink';

const letter = (n: number, base64 = Buffer.from(`payload ${n}`).toString('base64')): DeadLetter => ({
  stage: 'normalize',
  reason: 'undecodable-record',
  error: `record ${n} is not valid JSON`,
  at: '2025-11-28T18:05:00.000Z',
  payload: { kind: 'kinesis-record', base64 },
  source: { stream: 'arn:aws:kinesis:eu-west-1:111122223333:stream/logwarden-raw', shardId: 'shardId-000000000000', sequenceNumber: `4959${n}`, partitionKey: 'pk' },
});

describe('dead letters: local file', () => {
  it('appends letters as NDJSON per stage and reads them back', async () => {
    const sink = new FileDeadLetterSink(mkdtempSync(path.join(tmpdir(), 'dlq-')));
    await sink.send([letter(1), letter(2)]);
    await sink.send([letter(3), { ...letter(4), stage: 'forward', payload: { kind: 'subscription-event', base64: 'AAAA' } }]);
    expect(readFileSync(sink.fileFor('normalize'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect((await sink.read('normalize')).letters.map((l) => l.error)).toEqual(['record 1 is not valid JSON', 'record 2 is not valid JSON', 'record 3 is not valid JSON']);
    expect((await sink.read('forward')).letters).toHaveLength(1);
  });

  it('reports lines that are not letters instead of hiding them', async () => {
    const sink = new FileDeadLetterSink(mkdtempSync(path.join(tmpdir(), 'dlq-')));
    await sink.send([letter(1)]);
    appendFileSync(sink.fileFor('normalize'), 'garbage\n');
    const read = await sink.read('normalize');
    expect(read.letters).toHaveLength(1);
    expect(read.invalidLines).toEqual([2]);
  });

  it('reads nothing from a stage without letters', async () => {
    const sink = new FileDeadLetterSink(mkdtempSync(path.join(tmpdir(), 'dlq-')));
    expect(await sink.read('detect')).toEqual({ letters: [], invalidLines: [] });
  });
});

describe('dead letters: SQS', () => {
  const sqs = mockClient(SQSClient);
  beforeEach(() => sqs.reset());
  const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/111122223333/logwarden-dlq';

  it('sends letters in batches of ten with stage and reason attributes', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    await new SqsDeadLetterSink(new SQSClient({ region: 'eu-west-1' }), queueUrl).send(Array.from({ length: 12 }, (_, i) => letter(i)));
    const calls = sqs.commandCalls(SendMessageBatchCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 2]);
    const first = calls[0]?.args[0].input;
    expect(first?.QueueUrl).toBe(queueUrl);
    expect(first?.Entries?.[0]).toEqual({
      Id: '0',
      MessageBody: JSON.stringify(letter(0)),
      MessageAttributes: { stage: { DataType: 'String', StringValue: 'normalize' }, reason: { DataType: 'String', StringValue: 'undecodable-record' } },
    });
  });

  it('throws when SQS refuses a letter, so the record is retried rather than lost', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false, Message: 'try again' }] });
    await expect(new SqsDeadLetterSink(new SQSClient({ region: 'eu-west-1' }), queueUrl).send([letter(1)])).rejects.toThrow(/SQS refused 1 dead letter\(s\): InternalError try again/);
  });

  it('keeps the stream position but not the payload of a letter too large for a message', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const big = letter(1, Buffer.alloc(400 * 1024, 1).toString('base64'));
    await new SqsDeadLetterSink(new SQSClient({ region: 'eu-west-1' }), queueUrl).send([big]);
    const body = JSON.parse(sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.Entries?.[0]?.MessageBody ?? '{}') as DeadLetter;
    expect(body.payload.base64).toBe('');
    expect(body.source?.sequenceNumber).toBe('49591');
    expect(body.error).toMatch(/omitted, sha256 [0-9a-f]{64}; redrive from the stream position/);
  });
});
