import type { StreamRecord } from '../kinesis/read-stream';
import type { KinesisEvent, KinesisEventRecord } from './kinesis-event';

export interface EventSource {
  readonly streamArn: string;
  readonly region: string;
  /** The function's execution role, as Lambda reports it in `invokeIdentityArn`. */
  readonly invokeIdentityArn: string;
}

/**
 * Builds the event Lambda's Kinesis event source mapping would deliver for records read from a
 * shard (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html): base64 data, arrival
 * time in epoch seconds, `eventID` = `<shardId>:<sequenceNumber>`. Used by the local runner and
 * tests, so handlers see exactly what they will see in AWS.
 */
export function kinesisEventFrom(records: readonly StreamRecord[], source: EventSource): KinesisEvent {
  return { Records: records.map((r) => kinesisEventRecord(r, source)) };
}

function kinesisEventRecord(record: StreamRecord, source: EventSource): KinesisEventRecord {
  const arrival = record.approximateArrivalTimestamp?.getTime() ?? Date.now();
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: record.partitionKey,
      sequenceNumber: record.sequenceNumber,
      data: Buffer.from(record.data).toString('base64'),
      approximateArrivalTimestamp: arrival / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${record.shardId}:${record.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: source.invokeIdentityArn,
    awsRegion: source.region,
    eventSourceARN: source.streamArn,
  };
}
