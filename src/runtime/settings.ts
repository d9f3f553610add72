import { z } from 'zod';
import { resolveStreamNames } from '../kinesis/stream-names';
import type { StreamNames } from '../kinesis/stream-names';
import type { NormalizeConfig } from '../normalize/config';
import { parseNormalizeConfig } from '../normalize/config';

/**
 * The environment a pipeline function runs with, validated once at cold start: a missing or
 * malformed setting stops the function with a clear message instead of failing per record.
 */
const envSchema = z.object({
  AWS_REGION: z.string().min(1).optional(),
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  KINESIS_ENDPOINT: z.url().optional(),
  SQS_ENDPOINT: z.url().optional(),
  LOGWARDEN_DLQ_URL: z.url().optional(),
  LOGWARDEN_DLQ_DIR: z.string().min(1).optional(),
  LOGWARDEN_NORMALIZE_CONFIG: z.string().optional(),
  LOGWARDEN_TIME_RESERVE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type DeadLetterTarget = { readonly kind: 'sqs'; readonly queueUrl: string; readonly endpoint?: string } | { readonly kind: 'file'; readonly directory: string };

export interface Settings {
  readonly region: string | undefined;
  readonly kinesisEndpoint: string | undefined;
  readonly streams: StreamNames;
  readonly deadLetters: DeadLetterTarget;
  readonly normalize: NormalizeConfig;
  /** Milliseconds of an invocation kept back for writing results and answering. */
  readonly timeReserveMs: number;
}

export const DEFAULT_DLQ_DIR = '.local/dead-letters';

export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.LOGWARDEN_DLQ_URL === undefined && e.LOGWARDEN_DLQ_DIR === undefined && e.AWS_LAMBDA_FUNCTION_NAME !== undefined) {
    // In Lambda a local file would vanish with the environment: dead letters need a queue.
    throw new Error('LOGWARDEN_DLQ_URL is required when running in Lambda');
  }
  let normalize: NormalizeConfig;
  try {
    normalize = parseNormalizeConfig(e.LOGWARDEN_NORMALIZE_CONFIG === undefined ? {} : JSON.parse(e.LOGWARDEN_NORMALIZE_CONFIG));
  } catch (err) {
    throw new Error(`invalid LOGWARDEN_NORMALIZE_CONFIG: ${(err as Error).message}`, { cause: err });
  }
  return {
    region: e.AWS_REGION,
    kinesisEndpoint: e.KINESIS_ENDPOINT,
    streams: resolveStreamNames(env),
    deadLetters:
      e.LOGWARDEN_DLQ_URL !== undefined
        ? { kind: 'sqs', queueUrl: e.LOGWARDEN_DLQ_URL, ...(e.SQS_ENDPOINT === undefined ? {} : { endpoint: e.SQS_ENDPOINT }) }
        : { kind: 'file', directory: e.LOGWARDEN_DLQ_DIR ?? DEFAULT_DLQ_DIR },
    normalize,
    timeReserveMs: e.LOGWARDEN_TIME_RESERVE_MS,
  };
}
