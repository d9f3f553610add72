/**
 * Deep-merges parser fields into an event: plain objects merge key by key, anything else
 * replaces. A subtree the event does not have yet is attached as it is, not copied (parser
 * outputs are fresh per line, and validation copies the event anyway). A key named `__proto__`
 * (already renamed by the JSON parser, but defence in depth) becomes an own property and can
 * never reach a prototype.
 */
export function mergeFields(target: Record<string, unknown>, fields: { readonly [key: string]: unknown }): void {
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined) continue;
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(value) && isPlainObject(existing)) {
      mergeFields(existing, value);
    } else if (key === '__proto__') {
      // Assignment would set the prototype: define an own property instead.
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      target[key] = value;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
