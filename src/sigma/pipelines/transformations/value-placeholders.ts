import type { DocPath, ProblemCollector } from '../../problems';
import type { TransformationItem } from '../../../schemas/sigma-pipeline';
import type { Transformation } from '../processing-pipeline';

type ValuePlaceholdersItem = Extract<TransformationItem, { type: 'value_placeholders' }>;

/**
 * `value_placeholders`: the `expand` modifier fills `%name%` from pipeline `vars`. Which names
 * this item provides is limited by `include` or `exclude`. Like pySigma, values come from the
 * vars of all pipelines applied (merged, later ones winning), so one pipeline can hold the
 * transformation and another, environment-specific one the values.
 */
export function valuePlaceholders(item: ValuePlaceholdersItem, path: DocPath, problems: ProblemCollector): Transformation | undefined {
  const { include, exclude } = item;
  if (include !== undefined && exclude !== undefined) {
    problems.add([...path, 'exclude'], 'include and exclude cannot be used together');
    return undefined;
  }
  const provides = (name: string): boolean => (include === undefined ? !(exclude ?? []).includes(name) : include.includes(name));
  return (rule, ctx) => {
    for (const [name, values] of ctx.vars) if (provides(name)) ctx.definePlaceholder(name, values);
    return rule;
  };
}
