import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { DeadLetter, DeadLetterSink } from './dead-letter';
import { forwardSubscriptionEvent } from '../forward/forward-subscription';
import { putRecords } from '../kinesis/put-records';
import type { StreamWriter } from '../streams/stream-writer';
import type { StreamNames } from '../kinesis/stream-names';
import { DEFAULT_ALERTS_STREAM } from '../respond/alerts-stream';
import type { RedriveTargets } from './redrive';

/** Redrive targets on Kinesis: the pipeline streams to write to, and the streams letters came from. */
export function kinesisRedriveTargets(client: KinesisClient, streams: StreamNames & { readonly alerts?: string }, writeRaw: StreamWriter, now: () => Date = () => new Date()): RedriveTargets {
  return {
    async put(stream, data, partitionKey) {
      const name = stream === 'alerts' ? (streams.alerts ?? DEFAULT_ALERTS_STREAM) : streams[stream];
      const result = await putRecords(client, name, [{ data, partitionKey }]);
      return result.writtenCount === 1;
    },
    async readFromStream(source) {
      if (source.stream === undefined || source.shardId === undefined || source.sequenceNumber === undefined) return undefined;
      const streamName = source.stream.includes(':stream/') ? source.stream.slice(source.stream.indexOf(':stream/') + ':stream/'.length) : source.stream;
      const iterator = await client.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: source.shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: source.sequenceNumber }));
      if (iterator.ShardIterator === undefined) return undefined;
      const records = await client.send(new GetRecordsCommand({ ShardIterator: iterator.ShardIterator, Limit: 1 }));
      const record = records.Records?.[0];
      return record?.SequenceNumber === source.sequenceNumber ? record.Data : undefined;
    },
    async forward(awslogsData) {
      // A payload that still fails stays the existing letter: do not file a second one.
      const discard: DeadLetterSink = { send: async (_letters: readonly DeadLetter[]) => undefined };
      const report = await forwardSubscriptionEvent({ awslogs: { data: awslogsData } }, { writeRaw, deadLetters: discard, now });
      return report.kind !== 'dead-lettered';
    },
  };
}
