import type { KinesisEventRecord } from '../batch/kinesis-event';

/**
 * What Lambda sends to a Kinesis mapping's on-failure destination when it gives up on records
 * (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html), plus the
 * records themselves and the last error: an SQS or SNS destination gets only the batch
 * metadata, but locally the records are at hand, so nothing needs re-reading from the stream.
 */
export interface OnFailureRecord {
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: 'RetryAttemptsExhausted';
    readonly approximateInvokeCount: number;
  };
  readonly responseContext: {
    readonly statusCode: 200;
    readonly executedVersion: '$LATEST';
    readonly functionError?: 'Unhandled';
  };
  readonly version: '1.0';
  readonly timestamp: string;
  readonly KinesisBatchInfo: {
    readonly shardId: string;
    readonly startSequenceNumber: string;
    readonly endSequenceNumber: string;
    readonly approximateArrivalOfFirstRecord: string;
    readonly approximateArrivalOfLastRecord: string;
    readonly batchSize: number;
    readonly streamArn: string;
  };
  /** The records given up on: from the lowest failed one to the end of the batch, in sequence order. */
  readonly records: readonly KinesisEventRecord[];
  /** Why the last attempt failed. */
  readonly error: string;
}

export interface GiveUp {
  readonly shardId: string;
  readonly streamArn: string;
  readonly functionArn: string;
  readonly requestId: string;
  readonly attempts: number;
  readonly records: readonly KinesisEventRecord[];
  readonly error: string;
  readonly functionError?: 'Unhandled';
  readonly at: Date;
}

export function onFailureRecord(g: GiveUp): OnFailureRecord {
  const first = g.records[0];
  const last = g.records[g.records.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('an on-failure record needs at least one record');
  return {
    requestContext: { requestId: g.requestId, functionArn: g.functionArn, condition: 'RetryAttemptsExhausted', approximateInvokeCount: g.attempts },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', ...(g.functionError !== undefined && { functionError: g.functionError }) },
    version: '1.0',
    timestamp: g.at.toISOString(),
    KinesisBatchInfo: {
      shardId: g.shardId,
      startSequenceNumber: first.kinesis.sequenceNumber,
      endSequenceNumber: last.kinesis.sequenceNumber,
      approximateArrivalOfFirstRecord: arrivalIso(first),
      approximateArrivalOfLastRecord: arrivalIso(last),
      batchSize: g.records.length,
      streamArn: g.streamArn,
    },
    records: g.records,
    error: g.error,
  };
}

function arrivalIso(record: KinesisEventRecord): string {
  return new Date(Math.round(record.kinesis.approximateArrivalTimestamp * 1000)).toISOString();
}
