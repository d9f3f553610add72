import { z } from 'zod';

/**
 * The numbers of an event source mapping, with Lambda's ranges and defaults (reference B2;
 * CreateEventSourceMapping API), in milliseconds where Lambda uses seconds.
 */
export const mappingSettingsSchema = z.object({
  /** Most records per invocation (BatchSize). */
  batchSize: z.number().int().min(1).max(10_000).default(100),
  /** How long to gather records before invoking with fewer than batchSize (MaximumBatchingWindowInSeconds). */
  batchingWindowMs: z.number().int().min(0).max(300_000).default(0),
  /** Retries of a failing batch before its records go to onFailure; -1 retries until success (MaximumRetryAttempts). */
  maximumRetryAttempts: z.number().int().min(-1).max(10_000).default(-1),
  /** The function timeout: what getRemainingTimeInMillis counts down from; a longer invocation counts as failed. */
  timeoutMs: z.number().int().min(1).max(900_000).default(60_000),
  /** Pause between reads of a shard that had nothing new (Lambda polls an idle shard about once a second). */
  pollIntervalMs: z.number().int().min(0).max(60_000).default(500),
  /** Capped exponential backoff with full jitter between retries of a batch; 0 retries at once. */
  retryBaseDelayMs: z.number().int().min(0).default(100),
  retryMaxDelayMs: z.number().int().min(0).default(5_000),
  /** The synchronous invocation payload limit (B3): a batch is cut before its event would exceed it. */
  maxPayloadBytes: z.number().int().min(1).default(6 * 1024 * 1024),
});

export type MappingSettingsInput = z.input<typeof mappingSettingsSchema>;
export type MappingSettings = z.infer<typeof mappingSettingsSchema>;

export function parseMappingSettings(input: MappingSettingsInput): MappingSettings {
  const parsed = mappingSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`invalid event source mapping setting ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
