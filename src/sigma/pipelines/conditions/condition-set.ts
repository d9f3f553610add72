import type { ConditionNode } from '../../condition/condition-ast';
import { ConditionSyntaxError, parseCondition } from '../../condition/parse-condition';
import type { DocPath, ProblemCollector } from '../../problems';

/** The `<prefix>_conditions`, `_cond_op`, `_cond_not` and `_cond_expr` keys of a processing item. */
export interface ConditionSpec<D> {
  readonly conditions: readonly D[] | Readonly<Record<string, D>> | undefined;
  readonly op: 'and' | 'or' | undefined;
  readonly not: boolean | undefined;
  readonly expr: string | undefined;
}

/** Combines compiled leaf conditions; the caller says how one leaf is tested (on a rule, a field name, an item). */
export type ConditionSet<C> = (test: (leaf: C) => boolean) => boolean;

export type ConditionPrefix = 'rule' | 'field_name' | 'detection_item';

/**
 * Builds a condition set the way pySigma's ProcessingItem does: no conditions always match
 * (pySigma ignores `*_cond_not` then too); a list or map links with `*_cond_op` (default and);
 * `*_cond_expr` (e.g. `cond1 and not cond2`) combines a map of conditions by id and must use each.
 */
export function buildConditionSet<D, C>(
  prefix: ConditionPrefix,
  spec: ConditionSpec<D>,
  base: DocPath,
  compileLeaf: (definition: D, path: DocPath) => C | undefined,
  problems: ProblemCollector,
): ConditionSet<C> {
  const key = `${prefix}_conditions`;
  const exprPath = [...base, `${prefix}_cond_expr`];
  const entries: [string, D, DocPath][] = Array.isArray(spec.conditions)
    ? spec.conditions.map((d: D, i: number) => [String(i), d, [...base, key, i]])
    : Object.entries(spec.conditions ?? {}).map(([id, d]) => [id, d, [...base, key, id]]);
  if (entries.length === 0) {
    if (spec.expr !== undefined) problems.add(exprPath, `needs ${key} given as a map of condition id → condition`);
    return () => true;
  }
  const leaves = new Map<string, C>();
  for (const [id, definition, path] of entries) {
    const leaf = compileLeaf(definition, path);
    if (leaf !== undefined) leaves.set(id, leaf);
  }
  // A leaf that failed to compile was reported; the pipeline is rejected, so the set's behaviour no longer matters.
  let combined: ConditionSet<C>;
  if (spec.expr === undefined) {
    const all = [...leaves.values()];
    combined = spec.op === 'or' ? (test) => all.some(test) : (test) => all.every(test);
  } else {
    if (spec.op !== undefined) problems.add([...base, `${prefix}_cond_op`], `cannot be combined with ${prefix}_cond_expr, which already says how conditions combine`);
    if (Array.isArray(spec.conditions)) {
      problems.add(exprPath, `needs ${key} given as a map of condition id → condition, so the expression can name them`);
      return () => true;
    }
    const ast = parseExpression(spec.expr, entries.map(([id]) => id), exprPath, problems);
    if (ast === undefined) return () => true;
    combined = (test) => evaluate(ast, (id) => test(leaves.get(id) as C));
  }
  return spec.not === true ? (test) => !combined(test) : combined;
}

function parseExpression(text: string, ids: readonly string[], path: DocPath, problems: ProblemCollector): ConditionNode | undefined {
  let ast: ConditionNode;
  try {
    // Same grammar as a rule condition (and, or, not, parentheses), minus the `x of` quantifiers.
    ast = parseCondition(text);
  } catch (err) {
    if (!(err instanceof ConditionSyntaxError)) throw err;
    problems.add(path, `invalid condition expression '${text}': ${err.message}`);
    return undefined;
  }
  const used = new Set<string>();
  let ok = true;
  const walk = (node: ConditionNode): void => {
    if (node.type === 'identifier') {
      used.add(node.name);
      if (!ids.includes(node.name)) {
        problems.add(path, `names unknown condition '${node.name}' at column ${node.column} (defined: ${ids.join(', ') || 'none'})`);
        ok = false;
      }
    } else if (node.type === 'quantified') {
      problems.add(path, `'${node.quantifier === 'all' ? 'all' : '1'} of ${node.pattern}' is not allowed in a condition expression: name the conditions`);
      ok = false;
    } else if (node.type === 'not') walk(node.operand);
    else node.operands.forEach(walk);
  };
  walk(ast);
  // pySigma rejects conditions the expression leaves unused: they are almost always a typo.
  for (const id of ids.filter((i) => !used.has(i))) {
    problems.add(path, `does not use condition '${id}'`);
    ok = false;
  }
  return ok ? ast : undefined;
}

function evaluate(node: ConditionNode, leaf: (id: string) => boolean): boolean {
  switch (node.type) {
    case 'identifier':
      return leaf(node.name);
    case 'not':
      return !evaluate(node.operand, leaf);
    case 'and':
      return node.operands.every((o) => evaluate(o, leaf));
    case 'or':
      return node.operands.some((o) => evaluate(o, leaf));
    case 'quantified':
      return false; // rejected when the expression is parsed
  }
}
