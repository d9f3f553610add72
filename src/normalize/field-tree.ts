/**
 * Building the nested ECS objects parsers return (`EventFields`), and reading the values that go
 * in them: shared by every parser.
 */
export type FieldTree = { [key: string]: unknown };

// Paths are constants of the parsers, so their split forms are few: they are memoized (splitting
// on every call was a fifth of the JSON parser's time). The memo only ever holds the split of
// those constants (a pure function of the code), never data of an invocation; the cap is a guard.
const SPLIT_PATHS = new Map<string, readonly string[]>();
const MAX_MEMOIZED_PATHS = 512;

/** `'aws.lambda.duration_ms'` → `['aws', 'lambda', 'duration_ms']`, memoized. */
export function splitPath(path: string): readonly string[] {
  let keys = SPLIT_PATHS.get(path);
  if (keys === undefined) {
    keys = Object.freeze(path.split('.'));
    if (SPLIT_PATHS.size < MAX_MEMOIZED_PATHS) SPLIT_PATHS.set(path, keys);
  }
  return keys;
}

/**
 * Sets a dotted ECS path (`aws.lambda.duration_ms`), creating the objects on the way. Paths are
 * constants of this folder, never text from a log line. Undefined values are skipped: the
 * orchestrator's merge would otherwise replace the envelope's fields with `undefined`.
 */
export function putField(tree: FieldTree, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = splitPath(path);
  let node = tree;
  const last = keys.length - 1;
  for (let i = 0; i < last; i++) {
    const key = keys[i] as string;
    let child = node[key];
    if (typeof child !== 'object' || child === null) {
      child = {};
      node[key] = child;
    }
    node = child as FieldTree;
  }
  node[keys[last] as string] = value;
}

/** Quotes a piece of a log line for an error message, cut short: lines can be 1 MB (A1). */
export function quoteSnippet(text: string): string {
  return text.length <= 40 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 40))}…`;
}


/**
 * The tree without its `undefined` leaves and without the objects that leaves it empty, so that
 * a parser can write its whole mapping as one object literal (the shape of its output, visible
 * at a glance, and about three times faster than setting paths one by one). Recursive, for the
 * parser's own literal (a few levels deep): records taken from a log line are attached
 * afterwards and never walked.
 */
export function withoutEmpty(tree: FieldTree): FieldTree {
  const out: FieldTree = {};
  for (const key in tree) {
    const value = tree[key];
    if (value === undefined) continue;
    if (isPlainObject(value)) {
      const inner = withoutEmpty(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Distinct non-empty strings in first-seen order (for `related.*`); undefined when none. */
export function distinctStrings(values: readonly (string | undefined)[]): string[] | undefined {
  const seen = new Set<string>();
  for (const value of values) if (value !== undefined && value !== '') seen.add(value);
  return seen.size === 0 ? undefined : [...seen];
}

export function isPlainObject(value: unknown): value is FieldTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a non-empty string. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A non-negative decimal integer of at most 16 digits, else undefined (a loop over the digits, no regex). */
export function integerOf(value: string): number | undefined {
  if (value.length === 0 || value.length > 16) return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(value);
}
