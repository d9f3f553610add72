import type { DetectionItem } from '../detection/detection-node';
import type { DocPath, ProblemCollector } from '../problems';
import type { TransformationItem } from '../../schemas/sigma-pipeline';
import { buildConditionSet } from './conditions/condition-set';
import { compileDetectionItemCondition } from './conditions/detection-item-conditions';
import { compileFieldNameCondition } from './conditions/field-name-conditions';
import { compileRuleCondition } from './conditions/rule-conditions';
import type { ProcessingItem } from './processing-pipeline';
import { transformationDefinition } from './transformations/registry';

const ITEM_CONDITION_KEYS = [
  'field_name_conditions',
  'field_name_cond_op',
  'field_name_cond_not',
  'field_name_cond_expr',
  'detection_item_conditions',
  'detection_item_cond_op',
  'detection_item_cond_not',
  'detection_item_cond_expr',
] as const;

/** Names of fields a `fieldref` item compares with: field-name conditions look at them too (pySigma). */
function fieldRefs(item: DetectionItem): readonly string[] {
  return item.modifiers.includes('fieldref') ? item.values.filter((v): v is string => typeof v === 'string') : [];
}

/** Validates one transformation entry beyond its shape and compiles its conditions; undefined if anything is wrong. */
export function buildProcessingItem(item: TransformationItem, path: DocPath, problems: ProblemCollector): ProcessingItem | undefined {
  const before = problems.problems.length;
  const rule = buildConditionSet(
    'rule',
    { conditions: item.rule_conditions, op: item.rule_cond_op, not: item.rule_cond_not, expr: item.rule_cond_expr },
    path,
    (d, p) => compileRuleCondition(d, p, problems),
    problems,
  );
  const field = buildConditionSet(
    'field_name',
    { conditions: item.field_name_conditions, op: item.field_name_cond_op, not: item.field_name_cond_not, expr: item.field_name_cond_expr },
    path,
    (d, p) => compileFieldNameCondition(d, p, problems),
    problems,
  );
  const detectionItem = buildConditionSet(
    'detection_item',
    { conditions: item.detection_item_conditions, op: item.detection_item_cond_op, not: item.detection_item_cond_not, expr: item.detection_item_cond_expr },
    path,
    (d, p) => compileDetectionItemCondition(d, p, problems),
    problems,
  );
  const definition = transformationDefinition(item.type);
  if (definition.scope === 'rule') {
    for (const key of ITEM_CONDITION_KEYS) {
      // pySigma silently ignores these on rule transformations; here a condition that cannot apply is an error.
      if (item[key] !== undefined) problems.add([...path, key], `has no effect on ${item.type}, which acts on the whole rule: use rule_conditions`);
    }
  }
  const transform = definition.build(item, path, problems);
  if (transform === undefined || problems.problems.length > before) return undefined;
  return {
    id: item.id,
    type: item.type,
    path,
    line: problems.line(path),
    transform,
    matchesRule: (r) => rule((c) => c(r)),
    matchesField: (name) => field((c) => c(name)),
    matchesItem: (i) => detectionItem((c) => c(i)) && field((c) => c(i.field) || fieldRefs(i).some(c)),
  };
}
