import type { JsonObject } from './normalized-event';
import type { Prng } from './prng';

export type RuleLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';

/** A rule's content before the generator adds identity (id, dates, author) and writes YAML. */
export interface RuleDraft {
  readonly title: string;
  readonly description: string;
  readonly logsource: Readonly<Record<string, string>>;
  readonly detection: JsonObject;
  readonly tags: readonly string[];
  readonly level: RuleLevel;
  readonly falsepositives: readonly string[];
}

export interface RuleTemplate {
  readonly name: string;
  /** Relative share of generated rules. */
  readonly weight: number;
  build(prng: Prng): RuleDraft;
}

export const WEB_LOGSOURCE = { category: 'webserver', product: 'aws', service: 'lambda' } as const;
export const LAMBDA_LOGSOURCE = { product: 'aws', service: 'lambda' } as const;
export const CLOUDTRAIL_LOGSOURCE = { product: 'aws', service: 'cloudtrail' } as const;

/**
 * Made-up values, and in half of the rules some of `fixed` too: like real rule sets, most rules
 * look for indicators that never show up, and each rule differs from its siblings.
 */
export function mixValues(prng: Prng, fixed: readonly string[], invent: () => string, min = 1, max = 4): string[] {
  const known = prng.chance(0.5) ? prng.sample(fixed, prng.int(1, Math.min(max, fixed.length))) : [];
  const made = Array.from({ length: Math.max(min - known.length, prng.int(0, 2)) }, invent);
  const values = [...new Set([...known, ...made])];
  return values.length > 0 ? values : [invent()];
}
