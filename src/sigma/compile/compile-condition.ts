import type { ConditionNode } from '../condition/condition-ast';
import { identifiersMatching } from '../condition/parse-condition';
import type { DocPath, ProblemCollector } from '../problems';
import type { CompiledNode } from './compiled-node';
import { NO_REQUIREMENT } from './requirement';
import { combine } from './compile-detection';

/**
 * Compiles a condition over compiled search identifiers. Undefined identifiers and patterns
 * that select nothing are problems: a rule must never be half-loaded.
 */
export function compileCondition(
  ast: ConditionNode,
  identifiers: ReadonlyMap<string, CompiledNode>,
  path: DocPath,
  problems: ProblemCollector,
): CompiledNode | undefined {
  const walk = (node: ConditionNode): CompiledNode | undefined => {
    switch (node.type) {
      case 'identifier': {
        const found = identifiers.get(node.name);
        if (found === undefined) {
          const known = [...identifiers.keys()].join(', ');
          problems.add(path, `condition references undefined search identifier '${node.name}' at column ${node.column} (defined: ${known || 'none'})`);
        }
        return found;
      }
      case 'quantified': {
        const names = identifiersMatching(node.pattern, identifiers.keys());
        if (names.length === 0) {
          const quantifier = node.quantifier === 'all' ? 'all' : '1';
          problems.add(path, `'${quantifier} of ${node.pattern}' at column ${node.column} matches no search identifier`);
          return undefined;
        }
        return combine(node.quantifier === 'all' ? 'and' : 'or', names.map((n) => identifiers.get(n) as CompiledNode));
      }
      case 'not': {
        const operand = walk(node.operand);
        if (operand === undefined) return undefined;
        const test = operand.test;
        return { test: (view) => !test(view), requirement: NO_REQUIREMENT };
      }
      case 'and':
      case 'or': {
        const operands = node.operands.map(walk);
        if (operands.some((o) => o === undefined)) return undefined;
        return combine(node.type, operands as CompiledNode[]);
      }
    }
  };
  return walk(ast);
}

/** Names of the identifiers a condition refers to, directly or through patterns. */
export function referencedIdentifiers(ast: ConditionNode, identifiers: Iterable<string>): Set<string> {
  const all = [...identifiers];
  const out = new Set<string>();
  const walk = (node: ConditionNode): void => {
    if (node.type === 'identifier') out.add(node.name);
    else if (node.type === 'quantified') for (const n of identifiersMatching(node.pattern, all)) out.add(n);
    else if (node.type === 'not') walk(node.operand);
    else node.operands.forEach(walk);
  };
  walk(ast);
  return out;
}
