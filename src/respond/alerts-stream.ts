import { streamNameSchema } from '../kinesis/stream-names';

/**
 * The third stream: `detect` puts a notice there for every alert it creates or updates, and
 * `respond` consumes it (any other consumer can too: it is the alerts fan-out). Like the other
 * streams it is at-least-once, with the respond function's on-failure destination for records
 * it gives up on.
 */
export const ALERTS_STREAM_ENV = 'LOGWARDEN_ALERTS_STREAM';
export const DEFAULT_ALERTS_STREAM = 'logwarden-alerts';

/** The alerts stream's name when publishing is on (the variable is set), else undefined. */
export function alertsStreamFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env[ALERTS_STREAM_ENV];
  if (value === undefined || value === '') return undefined;
  const parsed = streamNameSchema.safeParse(value);
  if (!parsed.success) throw new RangeError(`${ALERTS_STREAM_ENV}=${JSON.stringify(value)} is not ${parsed.error.issues[0]?.message ?? 'a valid stream name'}`);
  return parsed.data;
}
