import type { DocPath, ProblemCollector } from '../../problems';
import type { ParsedRule } from '../../rule/parsed-rule';
import type { RuleConditionDefinition } from '../../../schemas/sigma-pipeline';
import { compileRuleAttributeCondition } from './rule-attribute-condition';

export type RuleCondition = (rule: ParsedRule) => boolean;

const LOGSOURCE_FIELDS = ['category', 'product', 'service'] as const;

/** pySigma's `rule_conditions` types: `logsource`, `tag`, `rule_attribute`. */
export function compileRuleCondition(definition: RuleConditionDefinition, path: DocPath, problems: ProblemCollector): RuleCondition | undefined {
  switch (definition.type) {
    case 'logsource':
      // LogsourceCondition: every field the condition sets must equal the rule's; unset fields match anything.
      return (rule) => LOGSOURCE_FIELDS.every((k) => definition[k] === undefined || definition[k] === rule.logsource[k]);
    case 'tag':
      return (rule) => (rule.document.tags ?? []).includes(definition.tag);
    case 'rule_attribute':
      return compileRuleAttributeCondition(definition, path, problems);
  }
}
