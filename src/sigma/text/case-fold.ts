/**
 * Unicode case folding that keeps one code point per code point.
 *
 * Sigma matches case-insensitively by default. Plain `toLowerCase()` on a whole string is not
 * enough for non-ASCII text: it is context-sensitive (Greek final sigma) and can change the
 * length ('İ' becomes two code points), which breaks `?` wildcards and regex classes. Folding
 * each code point on its own through upper then lower case gives Unicode's simple case folding
 * for practically every script (ς→σ, ſ→s, K (Kelvin)→k, ẞ→ß), keeps lengths, and agrees with
 * `toLowerCase()` on ASCII.
 */

const foldCache = new Map<number, number>();

/** The simple case fold of one code point. */
export function foldCodePoint(cp: number): number {
  if (cp < 0x80) {
    return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
  }
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const folded = computeFold(cp);
  foldCache.set(cp, folded);
  return folded;
}

function computeFold(cp: number): number {
  // Turkish dotless i has no simple folding in Unicode's CaseFolding.txt (only a Turkic one).
  if (cp === 0x131) return cp;
  const ch = String.fromCodePoint(cp);
  const upper = ch.toUpperCase();
  if (singleCodePoint(upper)) {
    const lowerOfUpper = upper.toLowerCase();
    if (singleCodePoint(lowerOfUpper)) return lowerOfUpper.codePointAt(0) as number;
  }
  const lower = ch.toLowerCase();
  return singleCodePoint(lower) ? (lower.codePointAt(0) as number) : cp;
}

function singleCodePoint(s: string): boolean {
  if (s.length === 1) return true;
  if (s.length !== 2) return false;
  const hi = s.charCodeAt(0);
  return hi >= 0xd800 && hi <= 0xdbff;
}

/** Case-folds a whole string, code point by code point (ASCII takes the fast native path). */
export function foldCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) return foldNonAscii(s);
  }
  return s.toLowerCase();
}

function foldNonAscii(s: string): string {
  let out = '';
  for (const ch of s) {
    out += String.fromCodePoint(foldCodePoint(ch.codePointAt(0) as number));
  }
  return out;
}
