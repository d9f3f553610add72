import type { ProblemCollector } from '../problems';
import type { ParsedRule } from '../rule/parsed-rule';
import type { PlainValue } from '../values/sigma-value';
import type { CompiledNode } from './compiled-node';
import { NO_REQUIREMENT } from './requirement';
import type { CompiledRule, FieldUse } from './compiled-rule';
import { detectionItems } from '../detection/detection-node';
import { compileCondition } from './compile-condition';
import { combine, compileDetectionNode } from './compile-detection';

const FAILED: CompiledNode = { test: () => false, requirement: NO_REQUIREMENT };

/**
 * Compiles a parsed rule (after pipelines). Every problem is reported; the rule is returned only
 * when it compiled completely.
 */
export function compileRule(
  rule: ParsedRule,
  placeholders: ReadonlyMap<string, readonly PlainValue[]>,
  problems: ProblemCollector,
): CompiledRule | undefined {
  const before = problems.problems.length;
  const identifiers = new Map<string, CompiledNode>();
  for (const [name, node] of rule.detections) {
    // A failed identifier stays defined so that conditions using it are not also reported as undefined.
    identifiers.set(name, compileDetectionNode(node, { problems, placeholders }) ?? FAILED);
  }
  const conditions = rule.conditions.map((c) => compileCondition(c.ast, identifiers, c.path, problems));
  if (conditions.length === 0) problems.add(['detection', 'condition'], 'is required');
  if (problems.problems.length > before || conditions.some((c) => c === undefined)) return undefined;

  const condition = combine('or', conditions as CompiledNode[]);
  const doc = rule.document;
  const ownIdentifiers = Object.keys(doc.detection).filter((k) => k !== 'condition' && identifiers.has(k));
  const test = condition.test;
  return Object.freeze({
    key: doc.id ?? `${rule.file}#${rule.documentIndex}`,
    id: doc.id,
    name: doc.name,
    title: doc.title,
    level: doc.level,
    status: doc.status,
    description: doc.description,
    tags: Object.freeze([...(doc.tags ?? [])]),
    references: Object.freeze([...(doc.references ?? [])]),
    falsepositives: Object.freeze([...(doc.falsepositives ?? [])]),
    logsource: Object.freeze({ ...rule.logsource }),
    document: doc,
    source: Object.freeze({ file: rule.file, line: rule.line }),
    requirement: condition.requirement,
    filters: Object.freeze([]),
    fields: Object.freeze(fieldUses(rule)),
    matches: test,
    matchedSelections: (view) => ownIdentifiers.filter((name) => (identifiers.get(name) as CompiledNode).test(view)),
  } satisfies CompiledRule);
}

function fieldUses(rule: ParsedRule): FieldUse[] {
  const uses: FieldUse[] = [];
  for (const node of rule.detections.values()) {
    for (const item of detectionItems(node)) {
      const names = item.modifiers.includes('fieldref') ? item.values.filter((v): v is string => typeof v === 'string') : [];
      if (item.field !== undefined) names.unshift(item.field);
      const path = item.path.join('.');
      for (const field of names) uses.push({ field, line: rule.lineOf(item.path), path });
    }
  }
  return uses;
}
