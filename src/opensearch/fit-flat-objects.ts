import { EVENT_PROPERTIES, flatObjectPaths } from './mappings/event-mappings';

/** The `flat_object` fields of an event (`json`, `aws.apigateway`, open-ended CloudTrail parts). */
export const EVENT_FLAT_OBJECT_PATHS: readonly string[] = flatObjectPaths(EVENT_PROPERTIES);

/**
 * flat_object indexes every leaf as a keyword term (`<value>` and `<path>=<value>`): a leaf over
 * Lucene's 32766-byte term limit rejects the whole document, and so does a field whose value
 * is not an object (verified on 2.19.6; 2.x has no `ignore_above` for it). 8191 bytes is ECS's
 * longest `ignore_above`.
 */
export const MAX_FLAT_VALUE_BYTES = 8191;

export interface FittedDocument {
  readonly document: Readonly<Record<string, unknown>>;
  /** `truncated:<path>` / `wrapped:<path>`, one per flat_object field changed (also set as `logwarden.index_adjustments`). */
  readonly adjustments: readonly string[];
}

/**
 * Makes a document's flat_object fields indexable without losing the event: long strings are
 * cut (the whole line stays in `event.original`) and a non-object value is wrapped as
 * `{"value": …}`. The input is not modified; unchanged subtrees are shared.
 */
export function fitFlatObjects(document: Readonly<Record<string, unknown>>, paths: readonly string[] = EVENT_FLAT_OBJECT_PATHS): FittedDocument {
  let fitted = document;
  const adjustments: string[] = [];
  for (const path of paths) {
    const keys = path.split('.');
    const value = valueAt(fitted, keys);
    if (value === undefined || value === null) continue;
    let next: unknown = isFlatObjectValue(value) ? value : { value };
    if (next !== value) adjustments.push(`wrapped:${path}`);
    const cut = truncateStrings(next);
    if (cut !== next) adjustments.push(`truncated:${path}`);
    next = cut;
    if (next !== value) fitted = withValueAt(fitted, keys, next);
  }
  if (adjustments.length > 0) fitted = withValueAt(fitted, ['logwarden', 'index_adjustments'], adjustments);
  return { document: fitted, adjustments };
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFlatObjectValue(value: unknown): boolean {
  return isPlainObject(value) || (Array.isArray(value) && value.every((element) => element === null || isPlainObject(element)));
}

/** The same value, or a copy with every over-long string cut (depth is bounded by the JSON parser: MAX_JSON_DEPTH). */
function truncateStrings(value: unknown): unknown {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8') > MAX_FLAT_VALUE_BYTES ? cutUtf8(value, MAX_FLAT_VALUE_BYTES) : value;
  if (Array.isArray(value)) {
    const items = value.map(truncateStrings);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(value)) {
    const cut = truncateStrings(child);
    if (cut === child) continue;
    copy ??= { ...value };
    // defineProperty: a key named __proto__ stays an own property.
    Object.defineProperty(copy, key, { value: cut, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? value;
}

function cutUtf8(text: string, maxBytes: number): string {
  const cut = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8');
  // A code point split at the end decodes as U+FFFD: drop it.
  return cut.endsWith('\uFFFD') ? cut.slice(0, -1) : cut;
}

function valueAt(document: Readonly<Record<string, unknown>>, keys: readonly string[]): unknown {
  let current: unknown = document;
  for (const key of keys) {
    if (!isPlainObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function withValueAt(node: Readonly<Record<string, unknown>>, keys: readonly string[], value: unknown): Readonly<Record<string, unknown>> {
  const [key, ...rest] = keys;
  if (key === undefined) return node;
  const child = node[key];
  return { ...node, [key]: rest.length === 0 ? value : withValueAt(isPlainObject(child) ? child : {}, rest, value) };
}
