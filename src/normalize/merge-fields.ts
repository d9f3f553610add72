/**
 * Deep-merges parser fields into an event: plain objects merge key by key, anything else
 * replaces. Keys are copied with defineProperty, so a key named `__proto__` (already renamed by
 * the JSON parser, but defence in depth) can never reach a prototype.
 */
export function mergeFields(target: Record<string, unknown>, fields: { readonly [key: string]: unknown }): void {
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined) continue;
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(value) && isPlainObject(existing)) {
      mergeFields(existing, value);
    } else {
      Object.defineProperty(target, key, { value: isPlainObject(value) ? cloneObject(value) : value, enumerable: true, writable: true, configurable: true });
    }
  }
}

function cloneObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  mergeFields(out, value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
