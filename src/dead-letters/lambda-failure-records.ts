import { z } from 'zod';
import type { DeadLetter } from './dead-letter';

/**
 * What Lambda itself sends to an on-failure destination (SQS) when it gives up, as opposed to
 * the letters the handlers write: for a Kinesis event source mapping only the batch's position
 * (`KinesisBatchInfo`: shard and sequence range, no data), for an asynchronous invocation (the
 * forwarder) the whole request. Both are turned into ordinary dead letters, so `logwarden dlq`
 * lists and redrives them like any other.
 */
const requestContextSchema = z.looseObject({
  requestId: z.string().optional(),
  functionArn: z.string(),
  condition: z.string(),
  approximateInvokeCount: z.number().optional(),
});

const responseContextSchema = z.looseObject({ statusCode: z.number().optional(), functionError: z.string().optional() }).optional();

export const kinesisFailureRecordSchema = z.looseObject({
  requestContext: requestContextSchema,
  responseContext: responseContextSchema,
  timestamp: z.string(),
  KinesisBatchInfo: z.looseObject({
    shardId: z.string().min(1),
    startSequenceNumber: z.string().min(1),
    endSequenceNumber: z.string().min(1),
    streamArn: z.string().min(1),
    batchSize: z.number().optional(),
  }),
});

export const asyncFailureRecordSchema = z.looseObject({
  requestContext: requestContextSchema,
  responseContext: responseContextSchema,
  timestamp: z.string(),
  requestPayload: z.looseObject({ awslogs: z.looseObject({ data: z.string().min(1) }) }),
  responsePayload: z.unknown().optional(),
});

/** A record read back from a stream. */
export interface StreamRecordData {
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly data: Uint8Array;
}

/** Reads a shard's records from `start` to `end`, both included (while the stream's retention lasts). */
export type ShardRangeReader = (streamArn: string, shardId: string, start: string, end: string) => Promise<StreamRecordData[]>;

const STAGES: readonly DeadLetter['stage'][] = ['index-events', 'normalize', 'detect', 'respond', 'forward'];

/** The stage a function is, from its name (`logwarden-prod-index-events`, `…-detect`). */
export function stageOfFunction(functionArn: string): DeadLetter['stage'] | undefined {
  const name = functionArn.split(':function:')[1]?.split(':')[0] ?? functionArn;
  return STAGES.find((stage) => name === stage || name.endsWith(`-${stage}`));
}

/** `RetryAttemptsExhausted` → `retry-attempts-exhausted`. */
function reasonOf(condition: string): string {
  return condition.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function errorOf(record: z.infer<typeof requestContextSchema> & object, response: { functionError?: string | undefined } | undefined, extra: string): string {
  const invokes = record.approximateInvokeCount === undefined ? '' : ` after ${record.approximateInvokeCount} invocation(s)`;
  const failure = response?.functionError === undefined ? '' : ` (${response.functionError})`;
  return `Lambda gave up${invokes}: ${record.condition}${failure}; function ${record.functionArn}${record.requestId === undefined ? '' : `, request ${record.requestId}`}${extra}`;
}

function isoOf(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? new Date(0).toISOString() : new Date(ms).toISOString();
}

/**
 * The dead letters a message from Lambda stands for, or undefined when it is not such a message.
 * A Kinesis batch is read back from its stream, record by record; when that is no longer
 * possible the error says which range was lost, and the message should stay where it is.
 */
export async function lettersFromLambdaFailure(body: unknown, readRange: ShardRangeReader): Promise<DeadLetter[] | undefined> {
  const batch = kinesisFailureRecordSchema.safeParse(body);
  if (batch.success) {
    const { requestContext, responseContext, KinesisBatchInfo: info } = batch.data;
    const stage = stageOfFunction(requestContext.functionArn);
    if (stage === undefined) return undefined;
    const records = await readRange(info.streamArn, info.shardId, info.startSequenceNumber, info.endSequenceNumber);
    if (records.length === 0) throw new Error(`the records ${info.startSequenceNumber}..${info.endSequenceNumber} of ${info.shardId} are no longer in ${info.streamArn} (retention passed?)`);
    const error = errorOf(requestContext, responseContext, `, records ${info.startSequenceNumber}..${info.endSequenceNumber} of ${info.shardId}`);
    return records.map((r) => ({
      stage,
      reason: reasonOf(requestContext.condition),
      error,
      at: isoOf(batch.data.timestamp),
      payload: { kind: 'kinesis-record', base64: Buffer.from(r.data).toString('base64') },
      source: { stream: info.streamArn, shardId: info.shardId, sequenceNumber: r.sequenceNumber, partitionKey: r.partitionKey },
    }));
  }
  const invocation = asyncFailureRecordSchema.safeParse(body);
  if (invocation.success) {
    const { requestContext, responseContext, requestPayload } = invocation.data;
    const stage = stageOfFunction(requestContext.functionArn);
    if (stage !== 'forward') return undefined;
    return [{ stage, reason: reasonOf(requestContext.condition), error: errorOf(requestContext, responseContext, ''), at: isoOf(invocation.data.timestamp), payload: { kind: 'subscription-event', base64: requestPayload.awslogs.data } }];
  }
  return undefined;
}
