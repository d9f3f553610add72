import type { DocPath, ProblemCollector } from '../../problems';
import type { RuleConditionDefinition } from '../../../schemas/sigma-pipeline';
import type { RuleCondition } from './rule-conditions';

type RuleAttributeDefinition = Extract<RuleConditionDefinition, { type: 'rule_attribute' }>;
type Operator = NonNullable<RuleAttributeDefinition['op']>;

// pySigma's SigmaLevel and SigmaStatus enums are ordered like this.
const RANKS: Readonly<Record<string, readonly string[]>> = {
  level: ['informational', 'low', 'medium', 'high', 'critical'],
  status: ['unsupported', 'deprecated', 'experimental', 'test', 'stable'],
};
const DATE_ATTRIBUTES = new Set(['date', 'modified']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_ATTRIBUTES = new Set(['title', 'id', 'name', 'description', 'author', 'license', 'taxonomy']);
const ORDERING: Readonly<Record<Operator, (cmp: number) => boolean>> = {
  eq: (c) => c === 0,
  ne: (c) => c !== 0,
  gte: (c) => c >= 0,
  gt: (c) => c > 0,
  lte: (c) => c <= 0,
  lt: (c) => c < 0,
  in: () => false,
  not_in: () => false,
};

/**
 * `rule_attribute` (pySigma RuleAttributeCondition): compares a rule attribute (custom ones
 * included) with `value`. Lists test membership with in/not_in; level, status, dates and numbers
 * are ordered; other strings only compare with eq/ne. A missing attribute never matches.
 */
export function compileRuleAttributeCondition(definition: RuleAttributeDefinition, path: DocPath, problems: ProblemCollector): RuleCondition | undefined {
  const { attribute, value } = definition;
  const op = definition.op ?? 'eq';
  const ranks = RANKS[attribute];
  if (ranks !== undefined && !ranks.includes(String(value))) {
    problems.add([...path, 'value'], `must be one of: ${ranks.join(', ')}`);
    return undefined;
  }
  if (DATE_ATTRIBUTES.has(attribute) && !DATE.test(String(value))) {
    problems.add([...path, 'value'], 'must be a date written YYYY-MM-DD');
    return undefined;
  }
  if (TEXT_ATTRIBUTES.has(attribute) && op !== 'eq' && op !== 'ne') {
    problems.add([...path, 'op'], `'${attribute}' is text: compare it with eq or ne`);
    return undefined;
  }
  const compare = (actual: unknown): number | undefined => {
    if (ranks !== undefined) return ranks.indexOf(String(actual)) - ranks.indexOf(String(value));
    if (typeof actual === 'number') return Number.isNaN(Number(value)) ? undefined : actual - Number(value);
    if (typeof actual === 'string' && (DATE_ATTRIBUTES.has(attribute) || op === 'eq' || op === 'ne')) {
      return actual === String(value) ? 0 : actual < String(value) ? -1 : 1;
    }
    return undefined;
  };
  return (rule) => {
    const actual = rule.document[attribute];
    if (actual === undefined) return false;
    if (Array.isArray(actual)) return op === 'in' ? actual.includes(value) : op === 'not_in' ? !actual.includes(value) : op === 'ne';
    const cmp = compare(actual);
    return cmp !== undefined && ORDERING[op](cmp);
  };
}
