import { z } from 'zod';

/**
 * One CloudWatch Logs event with the subscription envelope it arrived in: what `forward` writes
 * to the "raw" stream (one Kinesis record each) and what `normalize` reads. The envelope is
 * trusted (CloudWatch Logs sets it); `message` is not (anyone who can print a line controls it).
 */
export const logRecordSchema = z.strictObject({
  /** Format version of this record. */
  v: z.literal(1),
  owner: z.string(),
  logGroup: z.string(),
  logStream: z.string(),
  subscriptionFilters: z.array(z.string()),
  id: z.string(),
  timestamp: z.number(),
  message: z.string(),
  /** Present when a message too large for one Kinesis record was split: this is part `index` of `count`. */
  part: z.strictObject({ index: z.number().int().min(0), count: z.number().int().min(2) }).optional(),
});

export type LogRecord = z.infer<typeof logRecordSchema>;
