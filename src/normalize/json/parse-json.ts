import { isUnsafeKey, scanJson } from './scan-json';

/** Log JSON deeper than this is kept as text: no legitimate log line nests further. */
export const MAX_JSON_DEPTH = 64;

export type JsonParse =
  | { readonly ok: true; readonly value: unknown; readonly duplicateKeys: readonly string[] }
  | { readonly ok: false; readonly error: string };

/**
 * Parses untrusted JSON from a log line: depth is bounded before parsing (no stack overflow
 * on 100,000 nested brackets), duplicate keys are reported, and unsafe keys are renamed
 * (`__proto__` → `__proto___`, `_id` → `_id_`) so that they can neither change object
 * prototypes in later merges nor collide with OpenSearch metadata fields.
 */
export function parseJsonSafely(text: string): JsonParse {
  // Fast screens first (native indexOf), the full scan only when they cannot rule a problem out:
  // fewer opening brackets than the limit cannot nest deeper than it.
  if (countOf(text, '{') + countOf(text, '[') > MAX_JSON_DEPTH && scanJson(text, MAX_JSON_DEPTH).depth > MAX_JSON_DEPTH) {
    return { ok: false, error: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${(err as Error).message}` };
  }
  const keys = inspectKeys(value);
  // Every key in the text is a `"` followed by a colon; fewer keys after parsing means some repeated.
  const duplicateKeys = keySeparators(text) === keys.count ? [] : scanJson(text, MAX_JSON_DEPTH).duplicateKeys;
  return { ok: true, value: keys.unsafe ? renameUnsafeKeys(value) : value, duplicateKeys };
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/**
 * Colons that end a key: the previous non-blank character is an unescaped quote. In valid JSON
 * a string value is never followed by a colon, and a quote inside a string is escaped, so this
 * counts exactly the keys written in the text.
 */
function keySeparators(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
    if (j < 0 || text.charCodeAt(j) !== 0x22) continue;
    let backslashes = 0;
    for (let k = j - 1; k >= 0 && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Counts the keys of the parsed value and notes whether any must be renamed (iteratively). */
function inspectKeys(root: unknown): { count: number; unsafe: boolean } {
  let count = 0;
  let unsafe = false;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in node) {
      count++;
      if (!unsafe && isUnsafeKey(key)) unsafe = true;
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return { count, unsafe };
}

/** Renames unsafe keys everywhere, iteratively (depth is already bounded, but no recursion is needed). */
export function renameUnsafeKeys(root: unknown): unknown {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (isUnsafeKey(key)) {
        let safe = `${key}_`;
        while (Object.hasOwn(record, safe)) safe += '_';
        Object.defineProperty(record, safe, { value, enumerable: true, writable: true, configurable: true });
        delete record[key];
      }
      stack.push(value);
    }
  }
  return root;
}
