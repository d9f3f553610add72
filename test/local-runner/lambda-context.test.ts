import { createLambdaContext } from '../../src/local-runner/lambda-context';

describe('local runner: the Lambda context of an invocation', () => {
  const fn = { functionName: 'logwarden-normalize', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:logwarden-normalize' };

  it('counts the remaining time down from the function timeout, never below 0', () => {
    let now = 1_000_000;
    const context = createLambdaContext(fn, { timeoutMs: 30_000, now: () => now });
    expect(context.getRemainingTimeInMillis()).toBe(30_000);
    now += 12_500;
    expect(context.getRemainingTimeInMillis()).toBe(17_500);
    now += 60_000;
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });

  it('names the function, its ARN, version and logs as Lambda does', () => {
    const context = createLambdaContext(fn, { timeoutMs: 1_000, now: () => Date.parse('2025-11-28T18:03:31Z') }, 'req-1');
    expect(context).toMatchObject({ functionName: 'logwarden-normalize', invokedFunctionArn: fn.functionArn, functionVersion: '$LATEST', awsRequestId: 'req-1', logGroupName: '/aws/lambda/logwarden-normalize', memoryLimitInMB: '1024' });
    expect(context.logStreamName).toMatch(/^2025\/11\/28\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it('gives every invocation its own request id', () => {
    const ids = new Set(Array.from({ length: 5 }, () => createLambdaContext(fn, { timeoutMs: 1_000 }).awsRequestId));
    expect(ids.size).toBe(5);
  });

  it('rejects the callback-era methods with a message saying what to do instead', () => {
    expect(() => createLambdaContext(fn, { timeoutMs: 1_000 }).succeed('ok')).toThrow(/return a promise/);
  });
});
