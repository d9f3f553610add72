import type { ConditionNode } from '../condition/condition-ast';
import type { DetectionNode } from '../detection/detection-node';
import type { Logsource, ParsedRule } from '../rule/parsed-rule';
import type { ParsedFilter } from './parsed-documents';

/** A filter applies when every log source field it sets equals the rule's (pySigma's logsource containment). */
function logsourceCovers(filter: Logsource, rule: Logsource): boolean {
  return (['category', 'product', 'service'] as const).every((k) => filter[k] === undefined || filter[k] === rule[k]);
}

export function filterAppliesTo(filter: ParsedFilter, rule: ParsedRule): boolean {
  if (!logsourceCovers(filter.document.logsource, rule.logsource)) return false;
  const targets = filter.document.filter.rules;
  if (targets === 'any') return true;
  return targets.some((t) => t === rule.document.id || (rule.document.name !== undefined && t === rule.document.name));
}

/** Renames a filter condition's identifiers into the filter's private namespace. */
function prefixCondition(node: ConditionNode, prefix: string): ConditionNode {
  switch (node.type) {
    case 'identifier':
      return { ...node, name: prefix + node.name };
    case 'quantified':
      return { ...node, pattern: prefix + (node.pattern === 'them' ? '*' : node.pattern) };
    case 'not':
      return { type: 'not', operand: prefixCondition(node.operand, prefix) };
    case 'and':
    case 'or':
      return { type: node.type, operands: node.operands.map((o) => prefixCondition(o, prefix)) };
  }
}

/**
 * Merges the meta-filters that name a rule into it, as the filters specification describes:
 * the filter's search identifiers join the rule's (under a `_filter<n>_` prefix, so `them` in
 * the rule never selects them) and every rule condition becomes `(condition) and (filter condition)`.
 * Done before processing pipelines, so a filter's field names are mapped like the rule's.
 */
export function applyFilters(rule: ParsedRule, filters: readonly ParsedFilter[]): { rule: ParsedRule; applied: string[] } {
  const applicable = filters.filter((f) => filterAppliesTo(f, rule));
  if (applicable.length === 0) return { rule, applied: [] };
  const detections = new Map<string, DetectionNode>(rule.detections);
  let conditions = rule.conditions;
  applicable.forEach((filter, n) => {
    const prefix = `_filter${n}_`;
    for (const [name, node] of filter.detections) detections.set(prefix + name, node);
    const filterCondition = prefixCondition(filter.condition, prefix);
    conditions = conditions.map((c) => ({ ...c, ast: { type: 'and', operands: [c.ast, filterCondition] } }));
  });
  return { rule: { ...rule, detections, conditions }, applied: applicable.map((f) => f.document.title) };
}
