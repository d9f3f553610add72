import type { AlertCandidate } from '../alerts/alert-document';
import type { DedupPlan } from '../alerts/dedup';
import { alertId, bucketStart, dedupKeyOf, matchId } from '../alerts/dedup';
import type { RuleSet } from '../sigma';
import type { NormalizedEvent } from '../schemas/normalized-event';

export interface Detector {
  readonly ruleSet: RuleSet;
  /** How each rule's matches group into alerts, by rule key. */
  readonly plans: ReadonlyMap<string, DedupPlan>;
}

/** Evaluates every rule on one event and turns each match into an alert candidate. */
export function matchEvent(event: NormalizedEvent, detector: Detector): AlertCandidate[] {
  return detector.ruleSet.evaluate(event).map(({ rule, selections }) => {
    const plan = detector.plans.get(rule.key) as DedupPlan;
    const dedup = dedupKeyOf(event, plan);
    const bucket = bucketStart(event['@timestamp'], plan.bucketSeconds);
    const id = alertId(rule.id ?? rule.key, dedup.key, bucket);
    return { alertId: id, matchId: matchId(id, event.event.id), rule, event, selections, dedup, bucket, bucketSeconds: plan.bucketSeconds };
  });
}
