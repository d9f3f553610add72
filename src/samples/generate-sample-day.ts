import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import { cloudTrailEvents } from './cloudtrail/cloudtrail-events';
import { authServiceScenario } from './lambda/functions/auth-service';
import { ORDERS_API, ordersApiScenario } from './lambda/functions/orders-api';
import { paymentsWorkerScenario } from './lambda/functions/payments-worker';
import { reportGeneratorScenario } from './lambda/functions/report-generator';
import type { ScenarioContext } from './lambda/functions/scenario-context';
import { thumbnailerScenario } from './lambda/functions/thumbnailer';
import type { Deployment } from './lambda/invocation-plan';
import { logGroupOf } from './lambda/lambda-function';
import { type FunctionScenario, simulateFunction } from './lambda/simulate-function';
import { SamplePrng } from './prng';
import type { SampleLogEvent } from './sample-event';
import { type SampleSummary, summarizeSample } from './sample-summary';
import { DEFAULT_SAMPLE_START, isoMillis, MINUTE_MS } from './sample-time';
import { toSubscriptionPayloads } from './subscription-payloads';
import { planTimeline, SUBSCRIPTION_FILTER } from './timeline';

export const DEFAULT_SAMPLE_SEED = 20260115;

export interface SampleDayOptions {
  /** Same seed, same sample, byte for byte. */
  readonly seed?: number;
  /**
   * Start of the sampled day (default 2026-01-15T00:00:00Z); the sample covers the 24 hours after
   * it. The day's rhythm and story are placed by hours after the start (night first).
   */
  readonly start?: Date;
  /** Multiplies the normal traffic (default 1: a few thousand log events); injected attacks stay. */
  readonly scale?: number;
}

export interface SampleDay {
  /** Decoded CloudWatch Logs subscription payloads, in time order. */
  readonly payloads: readonly SubscriptionPayload[];
  readonly summary: SampleSummary;
}

const FUNCTIONS: readonly (readonly [string, (ctx: ScenarioContext) => FunctionScenario])[] = [
  ['orders-api', ordersApiScenario],
  ['payments-worker', paymentsWorkerScenario],
  ['auth-service', authServiceScenario],
  ['thumbnailer', thumbnailerScenario],
  ['report-generator', reportGeneratorScenario],
];

/** CloudTrail delivers to CloudWatch Logs about every five minutes; a function's lines arrive within a second or two. */
const CLOUDTRAIL_DELIVERY_MS = 5 * MINUTE_MS;
const LAMBDA_DELIVERY_MS = 2_000;

/**
 * A simulated day of a small shop on Lambda, as the logwarden subscription filter would deliver
 * it: five functions' logs (Node.js and Python, text and JSON formats, with cold starts, errors,
 * timeouts, an out-of-memory kill, a failed deployment and a crash loop) and the account's
 * CloudTrail, with attacks injected at realistic moments. `summary` says where they are.
 */
export function generateSampleDay(options: SampleDayOptions = {}): SampleDay {
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const start = (options.start ?? DEFAULT_SAMPLE_START).getTime();
  const scale = options.scale ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isFinite(start)) throw new RangeError('start must be a valid date');
  if (!(scale > 0 && scale <= 20)) throw new RangeError(`scale must be above 0 and at most 20, got ${scale}`);
  const timeline = planTimeline(seed, start);
  const deployments = new Map<string, readonly Deployment[]>();
  const simulated = FUNCTIONS.map(([name, build]) => {
    const scenario = build({ prng: SamplePrng.forPart(seed, name), timeline, scale });
    deployments.set(name, scenario.deployments);
    return simulateFunction(scenario, SamplePrng.forPart(seed, `${name}/environments`));
  });
  const ordersGroup = logGroupOf(ORDERS_API);
  // Once the logwarden filter is deleted from a log group, CloudWatch delivers nothing more from it.
  const delivered = (event: SampleLogEvent) =>
    event.timestamp >= timeline.start && event.timestamp < timeline.end && !(event.logGroup === ordersGroup && event.timestamp > timeline.at.subscriptionFilterDeleted);
  const events = [
    ...simulated.flatMap((sim) => sim.events),
    ...cloudTrailEvents(SamplePrng.forPart(seed, 'cloudtrail'), timeline, simulated, deployments, scale),
  ].filter(delivered);
  const payloads = toSubscriptionPayloads(
    events,
    {
      owner: timeline.account,
      subscriptionFilters: [SUBSCRIPTION_FILTER],
      deliveryWindowMs: (group) => (group === timeline.cloudTrailLogGroup ? CLOUDTRAIL_DELIVERY_MS : LAMBDA_DELIVERY_MS),
    },
    SamplePrng.forPart(seed, 'event-ids'),
  );
  const notes = [
    `${ordersGroup}: nothing after ${isoMillis(timeline.at.subscriptionFilterDeleted)} is delivered, because the ${SUBSCRIPTION_FILTER} subscription filter was deleted then (DeleteSubscriptionFilter in CloudTrail).`,
  ];
  const summary = summarizeSample({ seed, scale, start, end: timeline.end, account: timeline.account, region: timeline.region, cloudTrailLogGroup: timeline.cloudTrailLogGroup, events, payloads, notes });
  return { payloads, summary };
}
