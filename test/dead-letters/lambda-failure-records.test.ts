import { lettersFromLambdaFailure, stageOfFunction } from '../../src/dead-letters/lambda-failure-records';
import type { ShardRangeReader } from '../../src/dead-letters/lambda-failure-records';

const STREAM_ARN = 'arn:aws:kinesis:eu-west-1:111122223333:stream/logwarden-prod-normalized';
const SEQ = (n: number) => `4963${String(n).padStart(52, '0')}`;

/** What Lambda sends to an SQS on-failure destination for a Kinesis event source mapping. */
const kinesisFailure = {
  requestContext: { requestId: 'c9b8a7d6-0000-4000-8000-000000000001', functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:logwarden-prod-index-events', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 6 },
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  version: '1.0',
  timestamp: '2026-01-15T10:05:00.000Z',
  KinesisBatchInfo: { shardId: 'shardId-000000000000', startSequenceNumber: SEQ(2), endSequenceNumber: SEQ(3), approximateArrivalOfFirstRecord: '2026-01-15T10:00:00.000Z', approximateArrivalOfLastRecord: '2026-01-15T10:00:01.000Z', batchSize: 2, streamArn: STREAM_ARN },
};

describe("dead letters: Lambda's own on-failure records", () => {
  it('turn a Kinesis batch into one letter per record, read back from the stream', async () => {
    const calls: unknown[][] = [];
    const readRange: ShardRangeReader = async (...args) => {
      calls.push(args);
      return [
        { sequenceNumber: SEQ(2), partitionKey: 'pk-2', data: Buffer.from('{"n":2}') },
        { sequenceNumber: SEQ(3), partitionKey: 'pk-3', data: Buffer.from('{"n":3}') },
      ];
    };
    const letters = await lettersFromLambdaFailure(kinesisFailure, readRange);
    expect(calls).toEqual([[STREAM_ARN, 'shardId-000000000000', SEQ(2), SEQ(3)]]);
    expect(letters).toEqual([2, 3].map((n) => ({
      stage: 'index-events',
      reason: 'retry-attempts-exhausted',
      error: `Lambda gave up after 6 invocation(s): RetryAttemptsExhausted (Unhandled); function ${kinesisFailure.requestContext.functionArn}, request ${kinesisFailure.requestContext.requestId}, records ${SEQ(2)}..${SEQ(3)} of shardId-000000000000`,
      at: '2026-01-15T10:05:00.000Z',
      payload: { kind: 'kinesis-record', base64: Buffer.from(`{"n":${n}}`).toString('base64') },
      source: { stream: STREAM_ARN, shardId: 'shardId-000000000000', sequenceNumber: SEQ(n), partitionKey: `pk-${n}` },
    })));
  });

  it('say which range is lost when the stream no longer holds it, rather than dropping the message', async () => {
    await expect(lettersFromLambdaFailure(kinesisFailure, async () => [])).rejects.toThrow(`the records ${SEQ(2)}..${SEQ(3)} of shardId-000000000000 are no longer in ${STREAM_ARN} (retention passed?)`);
  });

  it("turn the forwarder's failed asynchronous invocation back into its subscription payload", async () => {
    const record = {
      version: '1.0',
      timestamp: '2026-01-15T10:07:00.000Z',
      requestContext: { requestId: 'r-1', functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:logwarden-prod-forward:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { awslogs: { data: 'H4sIAAAAAAAA' } },
      responseContext: { statusCode: 200, functionError: 'Unhandled' },
      responsePayload: { errorType: 'PutRecordsError', errorMessage: 'throttled' },
    };
    await expect(lettersFromLambdaFailure(record, async () => [])).resolves.toEqual([
      { stage: 'forward', reason: 'retries-exhausted', error: 'Lambda gave up after 3 invocation(s): RetriesExhausted (Unhandled); function arn:aws:lambda:eu-west-1:111122223333:function:logwarden-prod-forward:$LATEST, request r-1', at: '2026-01-15T10:07:00.000Z', payload: { kind: 'subscription-event', base64: 'H4sIAAAAAAAA' } },
    ]);
  });

  it('leave anything else alone: other functions, other shapes', async () => {
    const other = { ...kinesisFailure, requestContext: { ...kinesisFailure.requestContext, functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:billing-export' } };
    await expect(lettersFromLambdaFailure(other, async () => [])).resolves.toBeUndefined();
    await expect(lettersFromLambdaFailure({ hello: 'world' }, async () => [])).resolves.toBeUndefined();
    expect([stageOfFunction('arn:aws:lambda:r:1:function:logwarden-dev-detect'), stageOfFunction('arn:aws:lambda:r:1:function:logwarden-dev-normalize:7'), stageOfFunction('logwarden-dev-respond')]).toEqual(['detect', 'normalize', 'respond']);
  });
});
