import { isPlainObject, type FieldTree } from '../../field-tree';

const MAX_DEPTH = 4;
const MAX_VALUES = 512;

/**
 * The scalar values of an access log record by normalized key path (`identity.sourceIp` →
 * `identitysourceip`), so that templates can name keys as they like. Strings and numbers only;
 * `-` (API Gateway's "no value") and empty strings are left out. Paths in `untrusted` (dotted,
 * as the JSON scan reports duplicate keys) are skipped with everything under them. Iterative and
 * bounded: no recursion on untrusted structure.
 */
export function flattenForLookup(record: FieldTree, untrusted: ReadonlySet<string>): Map<string, string> {
  const values = new Map<string, string>();
  const stack: { readonly node: FieldTree; readonly path: string; readonly key: string; readonly depth: number }[] = [
    { node: record, path: '', key: '', depth: 1 },
  ];
  for (let frame = stack.pop(); frame !== undefined && values.size < MAX_VALUES; frame = stack.pop()) {
    const pending: typeof stack = [];
    for (const [name, value] of Object.entries(frame.node)) {
      const path = frame.path === '' ? name : `${frame.path}.${name}`;
      if (untrusted.has(path)) continue;
      const key = frame.key + normalizeKey(name);
      if (isPlainObject(value)) {
        if (frame.depth < MAX_DEPTH) pending.push({ node: value, path, key, depth: frame.depth + 1 });
      } else if ((typeof value === 'string' && value !== '' && value !== '-') || typeof value === 'number') {
        if (!values.has(key)) values.set(key, String(value));
      }
    }
    // Reversed so that objects are visited in document order (the first spelling of a key wins).
    stack.push(...pending.reverse());
  }
  return values;
}

/** Lower-case letters and digits only: `source_ip`, `sourceIp` and `source-ip` are one key. */
function normalizeKey(name: string): string {
  const lower = name.toLowerCase();
  let key = '';
  let copied = 0; // most keys need no character removed: copy runs, not characters
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    key += lower.slice(copied, i);
    copied = i + 1;
  }
  return copied === 0 ? lower : key + lower.slice(copied);
}
