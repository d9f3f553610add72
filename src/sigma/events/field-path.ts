/**
 * Field lookup in JSON events. A field name is first looked up as a flat key (`"eventSource"`,
 * `"user.name"` stored with a dot, `"New Value"` with a space); failing that, dots separate
 * nested keys, trying the longest key prefix first so mixed shapes (`{"a.b": {"c": 1}}`) resolve.
 * Arrays on the way, or at the end, contribute every element (any element can match).
 */
export interface FieldValues {
  /** Whether the field exists in the event (its value may still be null). */
  readonly present: boolean;
  /** Leaf values, arrays flattened; objects and nulls kept. */
  readonly values: readonly unknown[];
}

export type FieldAccessor = (event: unknown) => FieldValues;

const ABSENT: FieldValues = Object.freeze({ present: false, values: Object.freeze([]) });
const MAX_ARRAY_DEPTH = 32;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pushFlattened(value: unknown, out: unknown[], depth = 0): void {
  if (Array.isArray(value) && depth < MAX_ARRAY_DEPTH) {
    for (const item of value) pushFlattened(item, out, depth + 1);
  } else {
    out.push(value);
  }
}

/**
 * Keys to try for a dotted name, precomputed: keys[i][j] is segments i..j joined by dots, so
 * lookup never splits or slices strings per event.
 */
function compileKeys(name: string): string[][] {
  const segments = name.split('.');
  return segments.map((_, i) => segments.map((__, j) => (j < i ? '' : segments.slice(i, j + 1).join('.'))));
}

function collect(node: unknown, keys: readonly (readonly string[])[], from: number, out: unknown[], depth: number): boolean {
  if (Array.isArray(node)) {
    if (depth >= MAX_ARRAY_DEPTH) return false;
    let present = false;
    for (const item of node) present = collect(item, keys, from, out, depth + 1) || present;
    return present;
  }
  if (!isRecord(node)) return false;
  const row = keys[from] as readonly string[];
  // The flat key (all remaining segments) first, then ever shorter prefixes as nested keys.
  for (let to = row.length - 1; to >= from; to--) {
    const key = row[to] as string;
    if (!Object.hasOwn(node, key)) continue;
    if (to === row.length - 1) {
      pushFlattened(node[key], out);
      return true;
    }
    if (collect(node[key], keys, to + 1, out, depth)) return true;
  }
  return false;
}

/** Compiles the lookup of one field name once, so evaluation does no string splitting. */
export function compileFieldAccessor(name: string): FieldAccessor {
  if (!name.includes('.')) {
    return (event) => {
      if (!isRecord(event) || !Object.hasOwn(event, name)) return ABSENT;
      const value = event[name];
      if (!Array.isArray(value)) return { present: true, values: [value] };
      const values: unknown[] = [];
      pushFlattened(value, values);
      return { present: true, values };
    };
  }
  const keys = compileKeys(name);
  return (event) => {
    const values: unknown[] = [];
    return collect(event, keys, 0, values, 0) ? { present: true, values } : ABSENT;
  };
}
