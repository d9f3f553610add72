import { AWS_PROPERTIES } from './aws-fields';
import { CLOUDTRAIL_MAPPING } from './cloudtrail-fields';
import { ECS_PROPERTIES } from './ecs-fields';
import { flatObject, integer, keyword, object } from './field-types';
import type { FieldMapping, Properties } from './field-types';

/** Every field of a normalized event that is indexed; the alerts index maps them too. */
export const EVENT_PROPERTIES: Properties = {
  ...ECS_PROPERTIES,
  aws: object({ ...AWS_PROPERTIES, cloudtrail: CLOUDTRAIL_MAPPING }),
  // An application's own JSON record: keys are chosen by whoever prints the line (checklist 29).
  json: flatObject,
  logwarden: object({
    source: keyword(),
    parser: keyword(),
    parse_error: keyword(),
    duplicate_keys: keyword(),
    part: object({ index: integer, count: integer }),
    // What fitFlatObjects changed so the document could be indexed (see fit-flat-objects.ts).
    index_adjustments: keyword(),
  }),
};

/**
 * The root of a mapping: `dynamic: false`, so unknown fields are kept in `_source` (nothing a
 * log line carries is lost) but never create mappings (checklist 29); `strict` would reject
 * the whole event instead. Sub-objects inherit it.
 */
export function rootMapping(properties: Properties): { readonly dynamic: false; readonly properties: Properties } {
  return { dynamic: false, properties };
}

/** Dotted paths of the `flat_object` fields in a mapping, e.g. `aws.cloudtrail.requestParameters`. */
export function flatObjectPaths(properties: Properties, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([name, mapping]: [string, FieldMapping]) => {
    const path = `${prefix}${name}`;
    if (mapping.type === 'flat_object') return [path];
    return mapping.properties === undefined ? [] : flatObjectPaths(mapping.properties, `${path}.`);
  });
}

/** Mapped fields as OpenSearch counts them toward `index.mapping.total_fields.limit` (objects and multi-fields included). */
export function countMappedFields(properties: Properties): number {
  return Object.values(properties).reduce((sum, mapping) => {
    const multi = typeof mapping['fields'] === 'object' && mapping['fields'] !== null ? Object.keys(mapping['fields']).length : 0;
    return sum + 1 + multi + (mapping.properties === undefined ? 0 : countMappedFields(mapping.properties));
  }, 0);
}
