import type { ConditionNode } from '../../condition/condition-ast';
import { parseSearchIdentifier } from '../../detection/parse-detection';
import type { DocPath } from '../../problems';
import { ProblemCollector } from '../../problems';
import type { Logsource, ParsedRule } from '../../rule/parsed-rule';
import type { TransformationItem } from '../../../schemas/sigma-pipeline';
import type { TransformContext, Transformation } from '../processing-pipeline';
import { formatCondition } from './condition-text';

type AddConditionItem = Extract<TransformationItem, { type: 'add_condition' }>;

/**
 * `add_condition`: adds a search identifier built from `conditions` (a selection map) and ANDs
 * it onto every condition of the rule, negated with `negated: true`. Its name starts with `_`,
 * so `1 of them` and `all of them` do not select it (rules specification, "Condition").
 */
export function addCondition(item: AddConditionItem, path: DocPath, problems: ProblemCollector): Transformation | undefined {
  // Checked once against the pipeline file, where a mistake is the pipeline author's to fix.
  if (parseSearchIdentifier(item.conditions, [...path, 'conditions'], problems) === undefined) return undefined;
  return (rule, ctx) => {
    const name = item.name ?? freshName(rule, item.id);
    if (rule.detections.has(name)) {
      ctx.report(['detection'], `add_condition cannot add '${name}': the rule already has a search identifier of that name`);
      return rule;
    }
    const definition = item.template === true ? substituteTemplate(item.conditions, rule.logsource, ctx) : item.conditions;
    if (definition === undefined) return rule;
    const collector = new ProblemCollector(rule.file, rule.lineOf);
    const node = parseSearchIdentifier(definition, ['detection', name], collector);
    collector.problems.forEach((p) => ctx.report(['detection'], p.message));
    if (node === undefined) return rule;
    const ref: ConditionNode = { type: 'identifier', name, column: 0 };
    const added: ConditionNode = item.negated === true ? { type: 'not', operand: ref } : ref;
    const conditions = rule.conditions.map((c) => {
      const ast: ConditionNode = { type: 'and', operands: [c.ast, added] };
      // Keep the author's wording of the original condition.
      const text = c.text.trim() === '' ? formatCondition(ast) : `(${c.text}) and ${formatCondition(added)}`;
      return { ...c, ast, text };
    });
    return { ...rule, detections: new Map(rule.detections).set(name, node), conditions };
  };
}

/** A deterministic name (pySigma picks a random one), unique within the rule. */
function freshName(rule: ParsedRule, id: string | undefined): string {
  const base = id === undefined ? '_cond' : `_cond_${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  if (id !== undefined && !rule.detections.has(base)) return base;
  let n = 1;
  while (rule.detections.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

// Python's string.Template syntax, which pySigma uses: `$name`, `${name}`, `$$` for a dollar sign.
const TEMPLATE = /\$(?:(\$)|\{(category|product|service)\}|(category|product|service)(?![A-Za-z0-9_]))/g;

/** `template: true` fills `$category`, `$product` and `$service` from the rule's log source. */
function substituteTemplate(conditions: Record<string, unknown>, logsource: Logsource, ctx: TransformContext): Record<string, unknown> | undefined {
  let ok = true;
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (typeof value !== 'string') return value;
    return value.replace(TEMPLATE, (whole, dollar: string | undefined, braced: string | undefined, bare: string | undefined) => {
      if (dollar !== undefined) return '$';
      const key = (braced ?? bare) as 'category' | 'product' | 'service';
      const filled = logsource[key];
      if (filled === undefined) {
        ctx.report(['logsource'], `add_condition template uses ${whole}, but the rule's logsource has no ${key}`);
        ok = false;
      }
      return filled ?? whole;
    });
  };
  const out = Object.fromEntries(Object.entries(conditions).map(([k, v]) => [k, fill(v)]));
  return ok ? out : undefined;
}
