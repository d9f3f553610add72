import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { KinesisEvent, KinesisEventRecord } from '../batch/kinesis-event';
import type { InvocationOutcome, InvocationResult } from './invocation-outcome';
import { outcomeOf } from './invocation-outcome';
import type { FunctionIdentity } from './lambda-context';
import { createLambdaContext } from './lambda-context';

/**
 * A function consuming Kinesis batches. The pipeline's handlers (`functions/<stage>/handler.ts`)
 * fit: they take the event as `unknown` and need only part of the context.
 */
export type KinesisBatchHandler = (event: KinesisEvent, context: Context) => unknown;

export interface Invocation {
  readonly requestId: string;
  readonly outcome: InvocationOutcome;
  readonly durationMs: number;
}

/**
 * One invocation with a fresh context. The handler gets its own copy of the event, as a
 * serialized payload would be: it cannot change the records a retry delivers. A handler that
 * runs past the timeout fails the batch as Lambda's timeout would; being in-process it cannot be
 * killed, so its shard waits for it to settle.
 */
export async function invokeHandler(handler: KinesisBatchHandler, records: readonly KinesisEventRecord[], fn: FunctionIdentity, timeoutMs: number, now: () => number = Date.now): Promise<Invocation> {
  const requestId = randomUUID();
  const event: KinesisEvent = structuredClone({ Records: [...records] });
  const started = now();
  let result: InvocationResult;
  try {
    result = { kind: 'returned', value: await handler(event, createLambdaContext(fn, { timeoutMs, now }, requestId)) };
  } catch (error) {
    result = { kind: 'threw', error };
  }
  const durationMs = now() - started;
  const outcome: InvocationOutcome =
    durationMs > timeoutMs ? { kind: 'failure', failedFrom: 0, reason: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`, functionError: 'Unhandled' } : outcomeOf(records, result);
  return { requestId, outcome, durationMs };
}
