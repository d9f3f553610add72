/**
 * Whether a log group name matches a configured pattern, where `*` matches any run of
 * characters and the pattern covers the whole name (src/normalize/config.ts). Literal pieces are
 * found left to right with indexOf: linear, no regex built from configuration.
 */
export function matchesLogGroupPattern(pattern: string, name: string): boolean {
  const pieces = pattern.split('*');
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return name === pattern;
  const last = pieces[pieces.length - 1] ?? '';
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  let position = first.length;
  const end = name.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = name.indexOf(piece, position);
    if (found < 0 || found + piece.length > end) return false;
    position = found + piece.length;
  }
  return true;
}
