import { stringify } from 'yaml';
import { CLOUDTRAIL_RULE_TEMPLATES } from './cloudtrail-rule-templates';
import { LAMBDA_RULE_TEMPLATES } from './lambda-rule-templates';
import { Prng } from './prng';
import type { RuleTemplate } from './rule-draft';
import { UNINDEXED_RULE_TEMPLATES } from './unindexed-rule-templates';
import { WEB_RULE_TEMPLATES } from './web-rule-templates';

/**
 * Seeded generator of synthetic Sigma rules over the fields of the synthetic events. Rules come
 * from templates (field equality, contains/startswith/endswith lists, contains|all, regex, cidr,
 * numeric comparisons, keywords, `not filter`, `1 of selection_*`) filled from shared vocabularies
 * and made-up indicators. The stream is prefix-stable: the first 100 of 5,000 rules for a seed are
 * the 100 rules generated for that seed, so rule-count sweeps compare like with like.
 */
export const RULE_TEMPLATES: readonly RuleTemplate[] = [...WEB_RULE_TEMPLATES, ...LAMBDA_RULE_TEMPLATES, ...CLOUDTRAIL_RULE_TEMPLATES, ...UNINDEXED_RULE_TEMPLATES];

/** A rule file in memory; assignable to the engine's RuleSource. */
export interface GeneratedRule {
  readonly file: string;
  readonly text: string;
  readonly id: string;
  readonly template: string;
}

const AUTHORS = ['Logwarden detection team', 'SOC tier 3', 'Threat intel cell'] as const;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60);
}

export function generateRules(count: number, seed: number): GeneratedRule[] {
  return generateRulesFrom(RULE_TEMPLATES, count, seed);
}

/** Rules from the given templates only (tests use it to check each template on its own). */
export function generateRulesFrom(from: readonly RuleTemplate[], count: number, seed: number): GeneratedRule[] {
  const prng = new Prng(seed);
  const ids = new Set<string>();
  const templates = from.map((t) => [t, t.weight] as const);
  const rules: GeneratedRule[] = [];
  for (let index = 0; index < count; index++) {
    const template = prng.weighted(templates);
    const draft = template.build(prng);
    let id = prng.uuid();
    while (ids.has(id)) id = prng.uuid();
    ids.add(id);
    const document = {
      title: draft.title,
      id,
      status: prng.pick(['stable', 'test', 'experimental']),
      description: draft.description,
      references: [`https://wiki.example.internal/detections/${template.name}`],
      author: prng.pick(AUTHORS),
      date: `2025-${String(prng.int(1, 9)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`,
      tags: draft.tags,
      logsource: draft.logsource,
      detection: draft.detection,
      falsepositives: draft.falsepositives,
      level: draft.level,
    };
    const file = `synthetic/${template.name}/${slug(draft.title)}_${index}.yml`;
    rules.push({ file, text: stringify(document, { lineWidth: 0 }), id, template: template.name });
  }
  return rules;
}
