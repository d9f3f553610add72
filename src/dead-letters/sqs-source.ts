import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter } from './dead-letter';
import { deadLetterSchema } from './dead-letter';

export interface ReceivedLetter {
  readonly letter: DeadLetter;
  readonly receiptHandle: string;
}

/**
 * Reads dead letters from the SQS queue, a batch at a time. Messages that are not letters are
 * reported by id and left in the queue (they reappear after the visibility timeout).
 */
export async function receiveLetters(client: SQSClient, queueUrl: string, max = 10): Promise<{ letters: ReceivedLetter[]; invalid: string[] }> {
  const result = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: Math.min(10, max), WaitTimeSeconds: 1, VisibilityTimeout: 60 }));
  const letters: ReceivedLetter[] = [];
  const invalid: string[] = [];
  for (const message of result.Messages ?? []) {
    try {
      letters.push({ letter: deadLetterSchema.parse(JSON.parse(message.Body ?? '')), receiptHandle: message.ReceiptHandle ?? '' });
    } catch {
      invalid.push(message.MessageId ?? '(no id)');
    }
  }
  return { letters, invalid };
}

export async function deleteLetter(client: SQSClient, queueUrl: string, receiptHandle: string): Promise<void> {
  await client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle }));
}
