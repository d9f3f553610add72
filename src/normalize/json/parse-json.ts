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
  const scan = scanJson(text, MAX_JSON_DEPTH);
  if (scan.depth > MAX_JSON_DEPTH) return { ok: false, error: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${(err as Error).message}` };
  }
  return { ok: true, value: scan.hasUnsafeKeys ? renameUnsafeKeys(value) : value, duplicateKeys: scan.duplicateKeys };
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
