import type { CompiledRule, Logsource, RuleProblem } from '../sigma';
import { FieldCatalog } from '../normalize/field-catalog';
import type { SourceType } from '../schemas/normalized-event';
import { SOURCE_TYPES } from '../schemas/normalized-event';

/** Categories Logwarden defines within a service (see docs/logsources.md). */
const CATEGORIES: Partial<Record<SourceType, readonly string[]>> = { lambda: ['application', 'platform'] };

export interface FieldCheckOptions {
  /** Report rules whose log source Logwarden never carries (they can never match); else they are skipped. */
  readonly rejectForeignLogsources: boolean;
}

/**
 * Rules reading fields that no event of their log source has. The fields are those after the
 * pipelines ran, so a field a pipeline maps is checked under its mapped name: a rule fails
 * only when nothing maps its field and the normalized schema does not have it. Such a rule
 * would load fine and never match: the failure mode detection engineers report most.
 */
export function checkRuleFields(rules: readonly CompiledRule[], options: FieldCheckOptions, catalog = new FieldCatalog()): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const rule of rules) {
    const sources = sourcesOf(rule.logsource);
    if (typeof sources === 'string') {
      if (options.rejectForeignLogsources) problems.push({ file: rule.source.file, line: rule.source.line, field: 'logsource', message: sources });
      continue;
    }
    const reported = new Set<string>();
    for (const use of rule.fields) {
      if (reported.has(use.field) || sources.some((s) => catalog.has(s, use.field))) continue;
      reported.add(use.field);
      const where = sources.length === SOURCE_TYPES.length ? 'any log source' : sources.join(' or ');
      const open = sources.flatMap((s) => catalog.openSubtrees(s));
      problems.push({
        file: rule.source.file,
        line: use.line ?? rule.source.line,
        field: use.path,
        message: `field '${use.field}' is not mapped by any pipeline and no ${where} event has it` +
          ` (see docs/logsources.md for the fields${open.length > 0 ? `; anything under ${[...new Set(open)].join(', ')} is accepted` : ''}), so the rule could never match`,
      });
    }
  }
  return problems;
}

/** The log sources a rule's logsource selects, or why Logwarden carries none of them. */
export function sourcesOf(logsource: Logsource): readonly SourceType[] | string {
  const { product, service, category } = logsource;
  const described = Object.entries({ product, service, category }).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
  if (product !== 'aws') return `Logwarden carries no log source for {${described}}: only product: aws (services ${SOURCE_TYPES.join(', ')})`;
  if (service === undefined) return category === undefined ? SOURCE_TYPES : `Logwarden has no category '${category}' without a service`;
  const source = SOURCE_TYPES.find((s) => s === service);
  if (source === undefined) return `Logwarden carries no log source for {${described}}: services are ${SOURCE_TYPES.join(', ')}`;
  if (category !== undefined && !(CATEGORIES[source] ?? []).includes(category)) {
    const known = CATEGORIES[source];
    return `Logwarden has no category '${category}' for service ${source}${known === undefined ? '' : ` (categories: ${known.join(', ')})`}`;
  }
  return [source];
}
