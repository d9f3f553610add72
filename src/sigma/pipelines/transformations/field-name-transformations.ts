import type { TransformationItem } from '../../../schemas/sigma-pipeline';
import type { Transformation } from '../processing-pipeline';
import type { FieldNameMapper } from './map-field-names';
import { fieldNameTransformation } from './map-field-names';

type Item<K extends TransformationItem['type']> = Extract<TransformationItem, { type: K }>;
type Targets = string | readonly string[];

const asList = (targets: Targets): readonly string[] => (typeof targets === 'string' ? [targets] : targets);

/** `field_name_mapping`: `{from: to}` renames, `{from: [to1, to2]}` matches any of several fields. */
export function fieldNameMapping(item: Item<'field_name_mapping'>): Transformation {
  // A Map, so that a field called `constructor` or `__proto__` is looked up safely.
  const mapping = new Map(Object.entries(item.mapping).map(([from, to]) => [from, asList(to)]));
  return fieldNameTransformation((field) => mapping.get(field));
}

/** `field_name_prefix_mapping`: the first prefix (in file order) that a field starts with is replaced. */
export function fieldNamePrefixMapping(item: Item<'field_name_prefix_mapping'>): Transformation {
  const entries = Object.entries(item.mapping).map(([from, to]) => [from, asList(to)] as const);
  const mapper: FieldNameMapper = (field) => {
    const found = entries.find(([from]) => field.startsWith(from));
    return found?.[1].map((to) => to + field.slice(found[0].length));
  };
  return fieldNameTransformation(mapper);
}

/** `field_name_prefix`: e.g. `prefix: aws.cloudtrail.` puts CloudTrail record fields where the normalizer keeps them. */
export function fieldNamePrefix(item: Item<'field_name_prefix'>): Transformation {
  return fieldNameTransformation((field) => [item.prefix + field]);
}

/** `field_name_suffix`. */
export function fieldNameSuffix(item: Item<'field_name_suffix'>): Transformation {
  return fieldNameTransformation((field) => [field + item.suffix]);
}
