import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { createKinesisClient } from '../../src/kinesis/client';
import { ensureStream } from '../../src/kinesis/ensure-stream';
import { putRecords } from '../../src/kinesis/put-records';
import { readAllRecords } from '../../src/kinesis/read-stream';
import { run } from '../cli/cli-io';

jest.setTimeout(120_000);

const sqs = mockClient(SQSClient);
const QUEUE = 'https://sqs.eu-west-1.amazonaws.com/111122223333/logwarden-it-dead-letters';

/**
 * In AWS, Lambda sends a Kinesis batch it gave up on to the dead-letter queue as a position (shard
 * and sequence range), not data. `logwarden dlq` reads the records back from the real stream
 * (kinesis-local here; SQS has no local server, so its client is stubbed) and redrives them.
 */
describe('integration: dlq on the on-failure records Lambda writes', () => {
  const suffix = `${Date.now().toString(36)}-${process.pid}`;
  const raw = `it-dlq-raw-${suffix}`;
  const normalized = `it-dlq-norm-${suffix}`;
  const saved = { ...process.env };
  const kinesis = createKinesisClient({ endpoint: process.env.KINESIS_ENDPOINT as string });
  let range: { shardId: string; start: string; end: string };

  beforeAll(async () => {
    await Promise.all([ensureStream(kinesis, { streamName: raw, shardCount: 1 }), ensureStream(kinesis, { streamName: normalized, shardCount: 1 })]);
    const entries = [1, 2, 3, 4].map((n) => ({ data: Buffer.from(JSON.stringify({ n })), partitionKey: `pk-${n}` }));
    await putRecords(kinesis, normalized, entries);
    const records = await readAllRecords(kinesis, normalized, { timeoutMs: 30_000 });
    // The batch Lambda gave up on: records 2 and 3.
    range = { shardId: records[1]?.shardId as string, start: records[1]?.sequenceNumber as string, end: records[2]?.sequenceNumber as string };
    Object.assign(process.env, { LOGWARDEN_RAW_STREAM: raw, LOGWARDEN_NORMALIZED_STREAM: normalized, AWS_REGION: 'us-east-1' }); // kinesis-local's region
  });

  afterAll(() => {
    process.env = saved;
  });

  beforeEach(() => {
    sqs.reset();
    sqs.on(DeleteMessageCommand).resolves({});
  });

  const failureMessage = () => ({
    MessageId: 'm-1',
    ReceiptHandle: 'rh-1',
    Body: JSON.stringify({
      requestContext: { requestId: 'req-1', functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:logwarden-it-index-events', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 6 },
      responseContext: { statusCode: 200, functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-01-15T10:05:00.000Z',
      KinesisBatchInfo: { shardId: range.shardId, startSequenceNumber: range.start, endSequenceNumber: range.end, batchSize: 2, streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/${normalized}` },
    }),
  });

  it('lists the batch as one letter per record, with the records read back', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [failureMessage()] }).resolves({});
    const result = await run(['dlq', 'list', '--queue-url', QUEUE, '--json']);
    const letters = JSON.parse(result.stdout) as { stage: string; reason: string; payload: { base64: string } }[];
    expect(letters.map((l) => [l.stage, l.reason, Buffer.from(l.payload.base64, 'base64').toString('utf8')])).toEqual([
      ['index-events', 'retry-attempts-exhausted', '{"n":2}'],
      ['index-events', 'retry-attempts-exhausted', '{"n":3}'],
    ]);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  it('redrives them onto the stream the stage reads, then deletes the message once', async () => {
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [failureMessage()] }).resolves({});
    const result = await run(['dlq', 'redrive', '--queue-url', QUEUE]);
    expect(result.stdout).toContain('2 of 2 dead letter(s) redriven');
    expect(result.code).toBe(0);
    const after = await readAllRecords(kinesis, normalized, { timeoutMs: 30_000 });
    expect(after.slice(4).map((r) => Buffer.from(r.data).toString('utf8'))).toEqual(['{"n":2}', '{"n":3}']);
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input)).toEqual([{ QueueUrl: QUEUE, ReceiptHandle: 'rh-1' }]);
  });

  it('keeps a message whose records are gone from the stream, saying which range', async () => {
    const message = failureMessage();
    const body = JSON.parse(message.Body) as { KinesisBatchInfo: Record<string, string> };
    body.KinesisBatchInfo['streamArn'] = `arn:aws:kinesis:us-east-1:000000000000:stream/${raw}`; // nothing there
    body.KinesisBatchInfo['shardId'] = 'shardId-000000000000';
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [{ ...message, Body: JSON.stringify(body) }] }).resolves({});
    const result = await run(['dlq', 'redrive', '--queue-url', QUEUE]);
    expect(result.stderr).toMatch(/^message m-1: .*; left in the queue$/m);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });
});
