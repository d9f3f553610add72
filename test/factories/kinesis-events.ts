import { gzipSync } from 'node:zlib';
import type { KinesisEventRecord } from '../../src/batch/kinesis-event';
import type { SubscriptionPayload } from '../../src/cloudwatch/subscription-payload';

/** Factories for AWS-shaped events, built the way AWS builds them. */

let sequence = 49_590_338_271_490_256_608_559_692_538_361_571_095_921_575_989_136_588_898n;

export function kinesisRecord(data: Uint8Array | string, overrides: { sequenceNumber?: string; partitionKey?: string } = {}): KinesisEventRecord {
  sequence += 1_000_000_000_000_000_000n; // distinct well past 2^53, as real sequence numbers are
  const sequenceNumber = overrides.sequenceNumber ?? sequence.toString();
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: overrides.partitionKey ?? 'pk',
      sequenceNumber,
      data: Buffer.from(data).toString('base64'),
      approximateArrivalTimestamp: 1764353011.123,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000000:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: 'arn:aws:iam::111122223333:role/logwarden-normalize',
    awsRegion: 'eu-west-1',
    eventSourceARN: 'arn:aws:kinesis:eu-west-1:111122223333:stream/logwarden-raw',
  };
}

export function subscriptionPayload(overrides: Partial<SubscriptionPayload> = {}, messages: string[] = ['hello\n']): SubscriptionPayload {
  return {
    messageType: 'DATA_MESSAGE',
    owner: '111122223333',
    logGroup: '/aws/lambda/orders-api',
    logStream: '2025/11/28/[$LATEST]5f1c0d9e3a7b4c2d8e6f0a1b2c3d4e5f',
    subscriptionFilters: ['logwarden'],
    logEvents: messages.map((message, i) => ({ id: `3831341883901286745593041245741647039184826571709222092${i}`, timestamp: 1764353011123 + i, message })),
    ...overrides,
  } as SubscriptionPayload;
}

export const CONTROL_PAYLOAD = {
  messageType: 'CONTROL_MESSAGE',
  owner: 'CloudwatchLogs',
  logGroup: '',
  logStream: '',
  subscriptionFilters: [],
  logEvents: [{ id: '', timestamp: 1764353000000, message: 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.' }],
};

/** `{"awslogs": {"data": base64(gzip(json))}}`, as a Lambda destination receives it. */
export function subscriptionEvent(payload: unknown): { awslogs: { data: string } } {
  return { awslogs: { data: gzipSync(Buffer.from(JSON.stringify(payload))).toString('base64') } };
}
