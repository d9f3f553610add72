import type { RuleProblem } from '../problems';
import type { ParsedRule } from '../rule/parsed-rule';
import type { ParsedCorrelation } from './parsed-documents';

/**
 * Correlations name the rules they combine by id or `name`; every name must resolve to a loaded
 * rule or correlation, and aliases may only map rules the correlation uses.
 */
export function checkCorrelationReferences(correlations: readonly ParsedCorrelation[], rules: readonly ParsedRule[]): RuleProblem[] {
  const known = new Set<string>();
  for (const r of rules) {
    if (r.document.id !== undefined) known.add(r.document.id);
    if (r.document.name !== undefined) known.add(r.document.name);
  }
  for (const c of correlations) {
    if (c.document.id !== undefined) known.add(c.document.id);
    if (c.document.name !== undefined) known.add(c.document.name);
  }
  const problems: RuleProblem[] = [];
  for (const c of correlations) {
    const section = c.document.correlation;
    section.rules.forEach((ref, i) => {
      if (!known.has(ref)) {
        problems.push({ file: c.file, line: c.lineOf(['correlation', 'rules', i]), field: `correlation.rules[${i}]`, message: `references rule '${ref}', which is not loaded (give its id or name, and load its file too)` });
      }
    });
    for (const [alias, mapping] of Object.entries(section.aliases ?? {})) {
      for (const ruleName of Object.keys(mapping)) {
        if (!section.rules.includes(ruleName)) {
          problems.push({ file: c.file, line: c.lineOf(['correlation', 'aliases', alias, ruleName]), field: `correlation.aliases.${alias}.${ruleName}`, message: `alias maps rule '${ruleName}', which is not among the correlation's rules` });
        }
      }
    }
  }
  return problems;
}
