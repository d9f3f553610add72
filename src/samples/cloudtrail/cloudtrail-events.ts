import type { Deployment } from '../lambda/invocation-plan';
import type { SimulatedFunction } from '../lambda/simulate-function';
import type { SamplePrng } from '../prng';
import type { SampleLogEvent } from '../sample-event';
import type { SampleTimeline } from '../timeline';
import { accountAttacks } from './account-attacks';
import { adminActivity } from './admin-activity';
import { cloudTrailEvent } from './cloudtrail-record';
import { lambdaActivity } from './lambda-activity';

/** The day's CloudTrail records as delivered to the trail's log group, within the day. */
export function cloudTrailEvents(
  prng: SamplePrng,
  timeline: SampleTimeline,
  functions: readonly SimulatedFunction[],
  deployments: ReadonlyMap<string, readonly Deployment[]>,
  scale: number,
): SampleLogEvent[] {
  const calls = [
    ...lambdaActivity(prng, timeline, functions, deployments),
    ...adminActivity(prng, timeline, scale),
    ...accountAttacks(prng, timeline),
  ].filter((call) => call.time >= timeline.start && call.time < timeline.end);
  return calls.map((call) => cloudTrailEvent(prng, timeline, call));
}
