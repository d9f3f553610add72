import type { DocPath, ProblemCollector } from '../../problems';
import type { FieldNameConditionDefinition } from '../../../schemas/sigma-pipeline';

/** Tests one field name; undefined stands for a keyword item, which has none. */
export type FieldNameCondition = (field: string | undefined) => boolean;

/**
 * `include_fields` / `exclude_fields` (pySigma IncludeFieldCondition): `mode: plain` compares
 * names exactly, `mode: re` matches each pattern against the whole name. A keyword item has no
 * field, so it is never included and always excluded.
 */
export function compileFieldNameCondition(definition: FieldNameConditionDefinition, path: DocPath, problems: ProblemCollector): FieldNameCondition | undefined {
  let included: (field: string) => boolean;
  if (definition.mode === 're') {
    const patterns: RegExp[] = [];
    definition.fields.forEach((pattern, i) => {
      try {
        patterns.push(new RegExp(`^(?:${pattern})$`));
      } catch (err) {
        problems.add([...path, 'fields', i], `invalid regular expression: ${(err as Error).message}`);
      }
    });
    if (patterns.length !== definition.fields.length) return undefined;
    included = (field) => patterns.some((p) => p.test(field));
  } else {
    const names = new Set(definition.fields);
    included = (field) => names.has(field);
  }
  const exclude = definition.type === 'exclude_fields';
  return (field) => (field !== undefined && included(field)) !== exclude;
}
