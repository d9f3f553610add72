import { z } from 'zod';

/**
 * A record that could not be processed, with the reason and what is needed to process it again
 * after a fix (`logwarden dlq redrive`). Stored as one JSON document per letter.
 */
export const deadLetterSchema = z.strictObject({
  /** The stage that gave up on it. */
  stage: z.enum(['forward', 'normalize', 'detect', 'index-events', 'respond']),
  /** Short machine-readable cause, e.g. `undecodable-payload`, `owner-not-allowed`. */
  reason: z.string(),
  error: z.string(),
  at: z.iso.datetime(),
  /** The input as received: a subscription event's `awslogs.data`, or a Kinesis record's data, base64. */
  payload: z.strictObject({ kind: z.enum(['subscription-event', 'kinesis-record']), base64: z.string() }),
  /** Where it came from, when it came from a stream (enough to re-read it while retention lasts). */
  source: z
    .strictObject({
      stream: z.string().optional(),
      shardId: z.string().optional(),
      sequenceNumber: z.string().optional(),
      partitionKey: z.string().optional(),
    })
    .optional(),
});

export type DeadLetter = z.infer<typeof deadLetterSchema>;

/** Where dead letters go: an SQS queue in AWS, a local file on a developer machine. */
export interface DeadLetterSink {
  /** Stores every letter or throws: a letter is never dropped silently. */
  send(letters: readonly DeadLetter[]): Promise<void>;
}
