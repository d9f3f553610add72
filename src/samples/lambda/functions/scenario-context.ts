import type { SamplePrng } from '../../prng';
import type { SampleTimeline } from '../../timeline';

/** What every function scenario builds from. */
export interface ScenarioContext {
  readonly prng: SamplePrng;
  readonly timeline: SampleTimeline;
  /** Multiplies normal traffic; injected attacks and incidents stay as they are. */
  readonly scale: number;
}

/** Arrival times of `count` requests sent one after another by a tool or a person. */
export function paced(prng: SamplePrng, from: number, count: number, minGapMs: number, maxGapMs: number): number[] {
  const times: number[] = [];
  let t = from;
  for (let i = 0; i < count; i++) {
    times.push(t);
    t += prng.int(minGapMs, maxGapMs);
  }
  return times;
}

/** Normal traffic volume for a scale (at least one invocation, so every function shows up). */
export function scaled(count: number, scale: number): number {
  return Math.max(1, Math.round(count * scale));
}
