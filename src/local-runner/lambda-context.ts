import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

// One execution environment per runner process, so one log stream id.
const LOG_STREAM_ID = randomBytes(16).toString('hex');

export interface FunctionIdentity {
  readonly functionName: string;
  /** arn:aws:lambda:<region>:<account>:function:<name> */
  readonly functionArn: string;
  readonly memoryLimitInMB?: number;
}

export interface InvocationClock {
  readonly timeoutMs: number;
  readonly now?: () => number;
}

/**
 * The context object of one invocation, as the Node.js runtime passes it: the remaining time
 * counts down from the function timeout, the request id is fresh per invocation, and the log
 * names follow Lambda's (`/aws/lambda/<name>`, `YYYY/MM/DD/[$LATEST]<id>`). The callback-era
 * methods throw, because the pipeline's handlers return promises.
 */
export function createLambdaContext(fn: FunctionIdentity, clock: InvocationClock, awsRequestId: string = randomUUID()): Context {
  const now = clock.now ?? Date.now;
  const deadline = now() + clock.timeoutMs;
  const unsupported = (name: string) => (): never => {
    throw new Error(`context.${name}() is not supported by the local runner: return a promise from the handler`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: fn.functionArn,
    memoryLimitInMB: String(fn.memoryLimitInMB ?? 1024),
    awsRequestId,
    logGroupName: `/aws/lambda/${fn.functionName}`,
    logStreamName: `${new Date(now()).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${LOG_STREAM_ID}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
