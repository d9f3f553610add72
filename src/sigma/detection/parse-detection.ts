import { MODIFIERS } from '../modifiers/registry';
import type { DocPath, ProblemCollector } from '../problems';
import type { PlainValue } from '../values/sigma-value';
import type { DetectionItem, DetectionNode } from './detection-node';

export interface ParsedDetectionSection {
  readonly identifiers: ReadonlyMap<string, DetectionNode>;
  /** Condition strings with their paths; absent when the section has none. */
  readonly conditions: readonly { readonly text: string; readonly path: DocPath }[];
}

function isPlainValue(value: unknown): value is PlainValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Parses a detection section (or a meta-filter's `filter` section) into search identifiers and
 * conditions, reporting every structural problem with its path: unknown modifiers, values that
 * are maps, `null` inside a value list, empty definitions, Sigma 1.0 leftovers.
 */
export function parseDetectionSection(
  section: Record<string, unknown>,
  base: DocPath,
  problems: ProblemCollector,
  reservedKeys: ReadonlySet<string> = new Set(),
): ParsedDetectionSection {
  const identifiers = new Map<string, DetectionNode>();
  const conditions: { text: string; path: DocPath }[] = [];
  for (const [key, value] of Object.entries(section)) {
    const path = [...base, key];
    if (reservedKeys.has(key)) continue;
    if (key === 'condition') {
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) problems.add(path, 'must not be an empty list');
      list.forEach((c, i) => {
        const cPath = Array.isArray(value) ? [...path, i] : path;
        if (typeof c !== 'string' || c.trim() === '') problems.add(cPath, 'must be a non-empty string (or a list of them)');
        else conditions.push({ text: c, path: cPath });
      });
      continue;
    }
    if (key === 'timeframe') {
      problems.add(path, "'timeframe' belongs to Sigma 1.0 aggregations, which v2 replaced with correlation rules");
      continue;
    }
    const node = parseSearchIdentifier(value, path, problems);
    if (node !== undefined) identifiers.set(key, node);
  }
  return { identifiers, conditions };
}

/** Parses one search identifier's definition (a map, a list, or a plain keyword value). */
export function parseSearchIdentifier(value: unknown, path: DocPath, problems: ProblemCollector): DetectionNode | undefined {
  if (isRecord(value)) return parseMap(value, path, problems);
  if (Array.isArray(value)) return parseList(value, path, problems);
  if (value === null || value === undefined) {
    problems.add(path, 'search identifier is empty: give it a map of field values or a list');
    return undefined;
  }
  if (isPlainValue(value)) return keywordItem([value], path);
  problems.add(path, `unsupported value of type ${typeof value}`);
  return undefined;
}

function keywordItem(values: readonly PlainValue[], path: DocPath): DetectionItem {
  return { kind: 'item', field: undefined, modifiers: [], values, path };
}

function parseList(list: readonly unknown[], path: DocPath, problems: ProblemCollector): DetectionNode | undefined {
  if (list.length === 0) {
    problems.add(path, 'search identifier is an empty list');
    return undefined;
  }
  if (list.every(isPlainValue)) {
    if (list.includes(null)) {
      problems.add(path, 'null cannot be a keyword: bind it to a field (field: null)');
      return undefined;
    }
    return keywordItem(list, path);
  }
  // A list of maps (or mixed): each element is an alternative.
  const children = list
    .map((item, i) => (isPlainValue(item) ? keywordItem([item], [...path, i]) : parseSearchIdentifier(item, [...path, i], problems)))
    .filter((c): c is DetectionNode => c !== undefined);
  return children.length === 0 ? undefined : { kind: 'or', children, path };
}

function parseMap(map: Record<string, unknown>, path: DocPath, problems: ProblemCollector): DetectionNode | undefined {
  const entries = Object.entries(map);
  if (entries.length === 0) {
    problems.add(path, 'search identifier is an empty map');
    return undefined;
  }
  const children: DetectionNode[] = [];
  for (const [key, value] of entries) {
    const item = parseItem(key, value, [...path, key], problems);
    if (item !== undefined) children.push(item);
  }
  if (children.length !== entries.length) return undefined;
  return children.length === 1 ? children[0] : { kind: 'and', children, path };
}

function parseItem(key: string, value: unknown, path: DocPath, problems: ProblemCollector): DetectionItem | undefined {
  const [fieldName, ...modifiers] = key.split('|');
  const field = fieldName === '' ? undefined : fieldName;
  let ok = true;
  for (const modifier of modifiers) {
    if (!MODIFIERS.has(modifier)) {
      problems.add(path, unknownModifierMessage(modifier));
      ok = false;
    }
  }
  const values = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) {
    problems.add(path, 'empty list of values');
    return undefined;
  }
  values.forEach((v, i) => {
    if (!isPlainValue(v)) {
      const where = Array.isArray(value) ? [...path, i] : path;
      const what = Array.isArray(v) ? 'a nested list' : isRecord(v) ? 'a map' : typeof v;
      problems.add(where, `field values must be strings, numbers, booleans or null, not ${what}`);
      ok = false;
    }
  });
  if (ok && values.length > 1 && values.includes(null)) {
    // Rules specification, "Special Field Values": null shares no type with other values.
    problems.add(path, "null cannot be part of a list of values: put 'field: null' in a selection of its own");
    ok = false;
  }
  if (field === undefined && values.includes(null)) {
    problems.add(path, 'null must be bound to a field');
    ok = false;
  }
  return ok ? { kind: 'item', field, modifiers, values: values as PlainValue[], path } : undefined;
}

function unknownModifierMessage(name: string): string {
  const close = [...MODIFIERS.keys()].filter((known) => editDistance(known, name) <= 2);
  const hint = close.length > 0 ? ` (did you mean '${close[0]}'?)` : '';
  return `unknown modifier '${name}'${hint}`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
