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

function collect(node: unknown, name: string, out: unknown[], depth: number): boolean {
  if (Array.isArray(node)) {
    if (depth >= MAX_ARRAY_DEPTH) return false;
    let present = false;
    for (const item of node) present = collect(item, name, out, depth + 1) || present;
    return present;
  }
  if (!isRecord(node)) return false;
  if (Object.hasOwn(node, name)) {
    pushFlattened(node[name], out);
    return true;
  }
  for (let dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
    const key = name.slice(0, dot);
    if (Object.hasOwn(node, key) && collect(node[key], name.slice(dot + 1), out, depth)) return true;
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
  return (event) => {
    const values: unknown[] = [];
    return collect(event, name, values, 0) ? { present: true, values } : ABSENT;
  };
}
