import { z } from 'zod';

/**
 * The pipeline's stream names, shared by handlers, scripts and tests. Handlers read the env
 * variables at cold start; the defaults match what `npm run services:up` creates locally.
 */
export const STREAM_NAME_ENV = {
  raw: 'LOGWARDEN_RAW_STREAM',
  normalized: 'LOGWARDEN_NORMALIZED_STREAM',
} as const;

export const DEFAULT_STREAM_NAMES = {
  raw: 'logwarden-raw',
  normalized: 'logwarden-normalized',
} as const;

// CreateStream API: 1-128 characters from [a-zA-Z0-9_.-].
export const streamNameSchema = z.string().regex(/^[a-zA-Z0-9_.-]{1,128}$/, 'a Kinesis stream name: 1-128 characters from a-z A-Z 0-9 _ . -');

export type StreamNames = { readonly raw: string; readonly normalized: string };

/** Resolves the stream names from an environment (an empty value means the default). */
export function resolveStreamNames(env: Readonly<Record<string, string | undefined>>): StreamNames {
  return {
    raw: readStreamName(env, STREAM_NAME_ENV.raw, DEFAULT_STREAM_NAMES.raw),
    normalized: readStreamName(env, STREAM_NAME_ENV.normalized, DEFAULT_STREAM_NAMES.normalized),
  };
}

function readStreamName(env: Readonly<Record<string, string | undefined>>, variable: string, fallback: string): string {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  const parsed = streamNameSchema.safeParse(value);
  if (!parsed.success) throw new RangeError(`${variable}=${JSON.stringify(value)} is not ${parsed.error.issues[0]?.message ?? 'a valid stream name'}`);
  return parsed.data;
}
