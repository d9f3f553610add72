import { createHash } from 'node:crypto';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetterSink } from './dead-letter';

/** SQS accepts 256 KiB per message and 10 messages per batch. */
const MAX_MESSAGE_BYTES = 256 * 1024;
const BATCH = 10;

/**
 * Dead letters in an SQS queue. A letter larger than a message keeps its stream position and a
 * hash of the payload instead of the payload itself, so it can still be redriven from the stream
 * while its retention lasts (the Lambda on-failure destination works the same way).
 */
export class SqsDeadLetterSink implements DeadLetterSink {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(letters: readonly DeadLetter[]): Promise<void> {
    for (let i = 0; i < letters.length; i += BATCH) {
      const chunk = letters.slice(i, i + BATCH);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((letter, j) => ({
            Id: String(j),
            MessageBody: fitMessage(letter),
            MessageAttributes: {
              stage: { DataType: 'String', StringValue: letter.stage },
              reason: { DataType: 'String', StringValue: letter.reason },
            },
          })),
        }),
      );
      const failed = result.Failed ?? [];
      if (failed.length > 0) {
        throw new Error(`SQS refused ${failed.length} dead letter(s): ${failed.map((f) => `${f.Code ?? 'error'} ${f.Message ?? ''}`.trim()).join('; ')}`);
      }
    }
  }
}

export function fitMessage(letter: DeadLetter): string {
  const body = JSON.stringify(letter);
  if (Buffer.byteLength(body) <= MAX_MESSAGE_BYTES) return body;
  const digest = createHash('sha256').update(letter.payload.base64).digest('hex');
  return JSON.stringify({ ...letter, payload: { kind: letter.payload.kind, base64: '' }, error: `${letter.error} (payload of ${letter.payload.base64.length} base64 characters omitted, sha256 ${digest}; redrive from the stream position)` });
}
