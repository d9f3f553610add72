/**
 * A single pass over JSON text, before `JSON.parse`, that measures what parsing would hide or
 * choke on: nesting depth (deep documents make recursive code overflow the stack), duplicate
 * keys (a quote injected into a templated log line forges fields; JSON.parse keeps the last),
 * and keys that must not reach objects or OpenSearch documents as they are.
 */
export interface JsonScan {
  /** Deepest nesting of objects and arrays. */
  readonly depth: number;
  /** Keys seen twice in the same object, as dotted paths (first occurrence order). */
  readonly duplicateKeys: readonly string[];
  /** Whether some key needs renaming (see isUnsafeKey). */
  readonly hasUnsafeKeys: boolean;
}

// OpenSearch metadata fields cannot appear in a document; prototype names must not reach merges.
const UNSAFE_KEYS: ReadonlySet<string> = new Set([
  '__proto__', 'constructor', 'prototype',
  '_id', '_index', '_source', '_routing', '_type', '_version', '_seq_no', '_primary_term',
  '_ignored', '_field_names', '_meta', '_doc', '_tier', '_data_stream_timestamp', '_size',
]);

export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}

interface Frame {
  readonly keys: Set<string> | undefined; // undefined for arrays
  readonly path: string;
  pendingKey: string | undefined;
}

/**
 * Scans JSON text; stops early (returning what it found) once `maxDepth` is exceeded. It does
 * not validate: JSON.parse does that afterwards. Strings are skipped with indexOf, so the cost
 * is close to one pass over the structural characters.
 */
export function scanJson(text: string, maxDepth: number): JsonScan {
  const stack: Frame[] = [];
  const duplicates: string[] = [];
  let depth = 0;
  let unsafe = false;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys !== undefined && expectKey) {
        const key = decodeKey(text.slice(i + 1, end));
        if (top.keys.has(key)) duplicates.push(top.path === '' ? key : `${top.path}.${key}`);
        top.keys.add(key);
        top.pendingKey = key;
        if (!unsafe && UNSAFE_KEYS.has(key)) unsafe = true;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const name = parent?.pendingKey ?? '';
      const path = parent === undefined ? '' : parent.path === '' ? name : name === '' ? parent.path : `${parent.path}.${name}`;
      stack.push({ keys: c === 0x7b ? new Set() : undefined, path, pendingKey: undefined });
      if (stack.length > depth) depth = stack.length;
      if (depth > maxDepth) break;
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      expectKey = top?.keys !== undefined;
      if (top !== undefined) top.pendingKey = undefined;
    }
  }
  return { depth, duplicateKeys: duplicates, hasUnsafeKeys: unsafe };
}

/** Index of the closing quote of the string starting at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let j = q - 1; j > start && text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return q;
    i = q + 1;
  }
}

function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
