import type { SamplePrng } from './prng';

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A fixed day, so the default sample never changes with the clock. */
export const DEFAULT_SAMPLE_START = new Date('2026-01-15T00:00:00.000Z');

/**
 * Relative traffic per UTC hour for a small European shop: quiet nights, a morning ramp, a
 * lunchtime plateau and an evening peak. Integers, so spreading times stays exact arithmetic.
 */
export const DIURNAL_WEIGHTS: readonly number[] = [3, 2, 1, 1, 1, 2, 4, 7, 10, 12, 13, 14, 13, 12, 12, 13, 14, 15, 16, 15, 12, 9, 6, 4];

/** Office hours for people at work (UTC, winter in Europe). */
export const OFFICE_WEIGHTS: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 1, 6, 10, 10, 9, 5, 8, 10, 10, 8, 5, 2, 1, 0, 0, 0, 0];

/** `count` times within the day starting at `start`, spread by hourly weights, in order. */
export function spreadOverDay(prng: SamplePrng, count: number, start: number, weights: readonly number[] = DIURNAL_WEIGHTS): number[] {
  const hours = weights.map((weight, hour) => [hour, weight] as const);
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(start + prng.weighted(hours) * HOUR_MS + prng.int(0, HOUR_MS - 1));
  return times.sort((a, b) => a - b);
}

/** The time `hh:mm` into the day, with up to `jitterMinutes` either way so seeds differ. */
export function atClock(start: number, hours: number, minutes: number, prng?: SamplePrng, jitterMinutes = 0): number {
  const jitter = prng === undefined ? 0 : prng.int(-jitterMinutes * MINUTE_MS, jitterMinutes * MINUTE_MS);
  return start + hours * HOUR_MS + minutes * MINUTE_MS + jitter;
}

/** `2026-01-15T10:00:00.123Z`, as the runtimes print it. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2026-01-15T10:00:00Z`, CloudTrail's eventTime. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `2026/01/15`, the date prefix of a Lambda log stream (the day its environment started). */
export function streamDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Jan 15, 2026, 2:18:44 AM`: how CloudTrail writes dates inside responseElements. */
export function cloudTrailResponseDate(ms: number): string {
  const d = new Date(ms);
  const hour = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${hour < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${clock}`;
}
