import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter } from './dead-letter';
import { lettersFromLambdaFailure } from './lambda-failure-records';
import type { ShardRangeReader } from './lambda-failure-records';
import { deadLetterSchema } from './dead-letter';

/** One SQS message: a letter a handler wrote, or the letters a Lambda on-failure record stands for. */
export interface ReceivedMessage {
  readonly letters: readonly DeadLetter[];
  readonly receiptHandle: string;
}

/**
 * Reads dead letters from the SQS queue, a batch at a time: the handlers' own letters, and
 * Lambda's on-failure records (a Kinesis batch is read back from its stream). Messages that are
 * neither, or whose records can no longer be read, are reported by id with the reason and left
 * in the queue (they reappear after the visibility timeout).
 */
export async function receiveMessages(client: SQSClient, queueUrl: string, readRange: ShardRangeReader, max = 10): Promise<{ messages: ReceivedMessage[]; invalid: { id: string; why: string }[] }> {
  const result = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: Math.min(10, max), WaitTimeSeconds: 1, VisibilityTimeout: 60 }));
  const messages: ReceivedMessage[] = [];
  const invalid: { id: string; why: string }[] = [];
  for (const message of result.Messages ?? []) {
    const id = message.MessageId ?? '(no id)';
    let body: unknown;
    try {
      body = JSON.parse(message.Body ?? '');
    } catch {
      invalid.push({ id, why: 'not JSON' });
      continue;
    }
    const letter = deadLetterSchema.safeParse(body);
    if (letter.success) {
      messages.push({ letters: [letter.data], receiptHandle: message.ReceiptHandle ?? '' });
      continue;
    }
    try {
      const letters = await lettersFromLambdaFailure(body, readRange);
      if (letters === undefined) invalid.push({ id, why: 'neither a dead letter nor a Lambda on-failure record of a pipeline function' });
      else messages.push({ letters, receiptHandle: message.ReceiptHandle ?? '' });
    } catch (err) {
      invalid.push({ id, why: (err as Error).message });
    }
  }
  return { messages, invalid };
}

export async function deleteLetter(client: SQSClient, queueUrl: string, receiptHandle: string): Promise<void> {
  await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }));
}
