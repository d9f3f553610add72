import type { DetectionItem } from '../../detection/detection-node';
import type { DocPath, ProblemCollector } from '../../problems';
import type { PlainValue } from '../../values/sigma-value';
import type { DetectionItemConditionDefinition } from '../../../schemas/sigma-pipeline';

export type DetectionItemCondition = (item: DetectionItem) => boolean;

/**
 * pySigma's value conditions: each value is tested, and `cond: any` (the default here; pySigma
 * requires it) or `cond: all` decides for an item with several values.
 */
export function compileDetectionItemCondition(
  definition: DetectionItemConditionDefinition,
  path: DocPath,
  problems: ProblemCollector,
): DetectionItemCondition | undefined {
  const valueTest = compileValueTest(definition, path, problems);
  if (valueTest === undefined) return undefined;
  return definition.cond === 'all' ? (item) => item.values.every(valueTest) : (item) => item.values.some(valueTest);
}

function compileValueTest(definition: DetectionItemConditionDefinition, path: DocPath, problems: ProblemCollector): ((value: PlainValue) => boolean) | undefined {
  switch (definition.type) {
    case 'match_string': {
      let regex: RegExp;
      try {
        // Python's re.match anchors at the start only, so `^(?:…)` and no end anchor.
        regex = new RegExp(`^(?:${definition.pattern})`);
      } catch (err) {
        problems.add([...path, 'pattern'], `invalid regular expression: ${(err as Error).message}`);
        return undefined;
      }
      // Values that are not strings never match, before `negate` (MatchStringCondition).
      const negate = definition.negate === true;
      return (value) => (typeof value === 'string' && regex.test(value)) !== negate;
    }
    case 'match_value':
      return (value) => value === definition.value;
    case 'is_null':
      return (value) => value === null;
  }
}
