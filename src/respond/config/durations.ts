import { z } from 'zod';
import { DURATION_PATTERN } from '../../schemas/logwarden-attributes';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30s`, `5m`, `1h`, `1d`, as rules write their dedup buckets. */
export const durationSchema = z.string().regex(DURATION_PATTERN, { error: 'must be a number and a unit: 10s, 5m, 1h, 1d' });

export function durationMs(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (match === null) throw new RangeError(`'${text}' is not a duration (10s, 5m, 1h, 1d)`);
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}
