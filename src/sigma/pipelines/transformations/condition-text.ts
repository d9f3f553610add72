import type { ConditionNode } from '../../condition/condition-ast';

/** Writes a condition back as text, so a rewritten condition's `text` matches its AST. */
export function formatCondition(node: ConditionNode): string {
  switch (node.type) {
    case 'identifier':
      return node.name;
    case 'quantified':
      return `${node.quantifier === 'all' ? 'all' : '1'} of ${node.pattern}`;
    case 'not':
      return `not ${wrap(node.operand)}`;
    case 'and':
    case 'or':
      return node.operands.map(wrap).join(` ${node.type} `);
  }
}

function wrap(node: ConditionNode): string {
  return node.type === 'and' || node.type === 'or' ? `(${formatCondition(node)})` : formatCondition(node);
}
