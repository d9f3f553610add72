import { cloudTrailEvent } from './cloudtrail-events';
import { createEventContext } from './event-context';
import { appMessageEvent, finishEvents, requestEvent, startEvent, startInvocation } from './lambda-events';
import type { NormalizedEvent } from './normalized-event';
import { EVENT_DATASETS } from './normalized-event';
import { Prng } from './prng';

/**
 * Seeded generator of normalized events as the pipeline produces them: Lambda invocations
 * (START, one to five application lines, END, REPORT) interleaved with CloudTrail records, with
 * a small share of attack-like content (injections, traversal, metadata-service SSRF, scanners,
 * leaked AKIA keys, trail tampering, risky IAM calls) mixed into application and CloudTrail events.
 */
export interface EventMixOptions {
  /** Share of CloudTrail records among the events (the rest are Lambda invocation lines). */
  readonly cloudTrailShare?: number;
  /** Share of application and CloudTrail events given attack-like content. */
  readonly attackRate?: number;
}

export const DEFAULT_CLOUDTRAIL_SHARE = 0.25;
/** An invocation yields START, 1–5 application lines, END and REPORT: six lines on average. */
const LINES_PER_INVOCATION = 6;
export const DEFAULT_ATTACK_RATE = 0.02;

export interface EventMix {
  total: number;
  lambdaApp: number;
  lambdaPlatform: number;
  cloudTrail: number;
  attacks: number;
}

export interface EventGenerator {
  next(): NormalizedEvent;
  /** What has been generated so far. */
  mix(): Readonly<EventMix>;
}

export function createEventGenerator(seed: number, options: EventMixOptions = {}): EventGenerator {
  const ctx = createEventContext(new Prng(seed));
  const { prng } = ctx;
  const share = options.cloudTrailShare ?? DEFAULT_CLOUDTRAIL_SHARE;
  // Per refill, pick CloudTrail with p such that p / (p + 6 (1 - p)) = share of events.
  const cloudTrailPick = (LINES_PER_INVOCATION * share) / (1 + (LINES_PER_INVOCATION - 1) * share);
  const attackRate = options.attackRate ?? DEFAULT_ATTACK_RATE;
  const mix: EventMix = { total: 0, lambdaApp: 0, lambdaPlatform: 0, cloudTrail: 0, attacks: 0 };
  // An invocation yields several lines in order; they wait here until asked for.
  const queue: { event: NormalizedEvent; attack: boolean }[] = [];

  const refill = (): void => {
    if (prng.chance(cloudTrailPick)) {
      const attack = prng.chance(attackRate);
      queue.push({ event: cloudTrailEvent(ctx, attack), attack });
      return;
    }
    const inv = startInvocation(ctx);
    queue.push({ event: startEvent(ctx, inv), attack: false });
    for (let lines = prng.int(1, 5); lines > 0; lines--) {
      const attack = prng.chance(attackRate);
      queue.push({ event: prng.chance(0.65) ? requestEvent(ctx, inv, attack) : appMessageEvent(ctx, inv, attack), attack });
    }
    for (const event of finishEvents(ctx, inv)) queue.push({ event, attack: false });
  };

  const count = (event: NormalizedEvent, attack: boolean): void => {
    mix.total++;
    if (attack) mix.attacks++;
    if (event.event.dataset === EVENT_DATASETS.cloudtrail) mix.cloudTrail++;
    else if (event.event.dataset === EVENT_DATASETS.lambdaPlatform) mix.lambdaPlatform++;
    else mix.lambdaApp++;
  };

  return {
    next: () => {
      if (queue.length === 0) refill();
      const { event, attack } = queue.shift() as { event: NormalizedEvent; attack: boolean };
      count(event, attack);
      return event;
    },
    mix: () => ({ ...mix }),
  };
}

/** `count` events for a seed: the same seed always gives the same events. */
export function generateEvents(count: number, seed: number, options: EventMixOptions = {}): NormalizedEvent[] {
  const generator = createEventGenerator(seed, options);
  return Array.from({ length: count }, () => generator.next());
}
