import type { ConditionNode } from '../../condition/condition-ast';
import { identifiersMatching } from '../../condition/parse-condition';
import type { ParsedCondition } from '../../rule/parsed-rule';
import type { Transformation } from '../processing-pipeline';
import { formatCondition } from './condition-text';
import { rewriteDetectionItems } from './rewrite-detections';

/**
 * `drop_detection_item`: removes the items that pass the field-name and detection-item
 * conditions. As in pySigma's conversion, a search identifier left empty drops out of the
 * conditions: `sel1 and sel2` becomes `sel2`, `not filter` disappears, and a condition left with
 * nothing is dropped from the rule's condition list. When every condition is left empty the rule
 * would detect nothing (pySigma emits no query for it): that is reported as a problem.
 */
export const dropDetectionItem: Transformation = (rule, ctx) => {
  let dropped = false;
  const { detections, emptied } = rewriteDetectionItems(rule.detections, (item) => {
    if (!ctx.matchesItem(item)) return item;
    dropped = true;
    return undefined;
  });
  if (!dropped) return rule;
  if (emptied.length === 0) return { ...rule, detections };

  const before = [...rule.detections.keys()];
  const after = [...detections.keys()];
  const removed = new Set(emptied);
  const conditions: ParsedCondition[] = [];
  for (const condition of rule.conditions) {
    const ast = prune(condition.ast, removed, before, after);
    if (ast !== undefined) conditions.push(ast === condition.ast ? condition : { ...condition, ast, text: formatCondition(ast) });
  }
  if (conditions.length === 0) {
    const first = rule.conditions[0];
    ctx.report(first?.path ?? ['detection', 'condition'], `drop_detection_item emptied every search identifier the condition uses (${emptied.join(', ')}), so the rule could never match`);
    return rule;
  }
  return { ...rule, detections, conditions };
};

/** Removes emptied identifiers from a condition, treating them as absent operands; undefined when nothing is left. */
function prune(node: ConditionNode, removed: ReadonlySet<string>, before: readonly string[], after: readonly string[]): ConditionNode | undefined {
  switch (node.type) {
    case 'identifier':
      return removed.has(node.name) ? undefined : node;
    case 'quantified': {
      // `1 of sel*` survives while any identifier it selected remains.
      const selectedBefore = identifiersMatching(node.pattern, before).length;
      return selectedBefore > 0 && identifiersMatching(node.pattern, after).length === 0 ? undefined : node;
    }
    case 'not': {
      const operand = prune(node.operand, removed, before, after);
      if (operand === undefined) return undefined;
      return operand === node.operand ? node : { type: 'not', operand };
    }
    case 'and':
    case 'or': {
      const operands = node.operands.map((o) => prune(o, removed, before, after)).filter((o): o is ConditionNode => o !== undefined);
      if (operands.length === 0) return undefined;
      if (operands.length === node.operands.length && operands.every((o, i) => o === node.operands[i])) return node;
      return operands.length === 1 ? operands[0] : { type: node.type, operands };
    }
  }
}
