/**
 * Building blocks for explicit mappings. Keywords carry `ignore_above` (ECS uses 1024): a longer
 * value stays in `_source` but is not indexed, instead of failing the document on Lucene's
 * 32766-byte term limit. Dates, numbers and addresses that parsers take from log text carry
 * `ignore_malformed`, so one odd value does not reject the whole event (the field is then
 * listed in `_ignored`). Envelope fields (`@timestamp`) stay strict.
 */
export interface FieldMapping {
  readonly type?: string;
  readonly properties?: Properties;
  readonly [parameter: string]: unknown;
}

export type Properties = Readonly<Record<string, FieldMapping>>;

export function keyword(ignoreAbove = 1024): FieldMapping {
  return { type: 'keyword', ignore_above: ignoreAbove };
}

/** A keyword for exact filters and aggregations with `<field>.text` for full-text search (ECS style). */
export function keywordWithText(ignoreAbove = 1024): FieldMapping {
  return { type: 'keyword', ignore_above: ignoreAbove, fields: { text: { type: 'text' } } };
}

export const text: FieldMapping = { type: 'text' };
export const boolean: FieldMapping = { type: 'boolean' };
export const date: FieldMapping = { type: 'date', ignore_malformed: true };
export const strictDate: FieldMapping = { type: 'date' };
export const ip: FieldMapping = { type: 'ip', ignore_malformed: true };
export const long: FieldMapping = { type: 'long', ignore_malformed: true };
export const integer: FieldMapping = { type: 'integer', ignore_malformed: true };
export const double: FieldMapping = { type: 'double', ignore_malformed: true };
/** Kept in `_source` only: the raw line can be any size and is never searched as a term (ECS `event.original`). */
export const storedOnly: FieldMapping = { type: 'keyword', index: false, doc_values: false };
/**
 * One field for an open-ended JSON object (OpenSearch 2.7+): every leaf is searchable as
 * `<field>.<path>` but no mapping is ever created for its keys (checklist 29, B5).
 */
export const flatObject: FieldMapping = { type: 'flat_object' };

export function object(properties: Properties): FieldMapping {
  return { properties };
}

/** Every keyword (default `ignore_above`) under one object. */
export function keywords(...names: readonly string[]): FieldMapping {
  return object(Object.fromEntries(names.map((name) => [name, keyword()])));
}
