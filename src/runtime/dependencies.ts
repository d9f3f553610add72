import { SQSClient } from '@aws-sdk/client-sqs';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import { FileDeadLetterSink } from '../dead-letters/file-sink';
import { SqsDeadLetterSink } from '../dead-letters/sqs-sink';
import { createKinesisClient } from '../kinesis/client';
import type { DeadLetterTarget, Settings } from './settings';

/** Clients and sinks a function needs, built once per Lambda environment from its settings. */
export function kinesisClientFor(settings: Settings): KinesisClient {
  return createKinesisClient({
    ...(settings.kinesisEndpoint === undefined ? {} : { endpoint: settings.kinesisEndpoint }),
    ...(settings.region === undefined ? {} : { region: settings.region }),
  });
}

export function deadLetterSinkFor(target: DeadLetterTarget, region: string | undefined): DeadLetterSink {
  if (target.kind === 'file') return new FileDeadLetterSink(target.directory);
  const client = new SQSClient({ ...(region === undefined ? {} : { region }), ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }) });
  return new SqsDeadLetterSink(client, target.queueUrl);
}
