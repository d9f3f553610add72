/**
 * Case-insensitive matching by closing character sets over case equivalence at compile time,
 * so the automaton itself never folds input. Two code points are equal ignoring case when
 * `foldCodePoint` gives the same result (the project-wide definition in text/case-fold.ts):
 * 'k', 'K' and the Kelvin sign U+212A form one group, as do 'ß' and 'ẞ', and 'σ', 'ς', 'Σ'.
 */
import { foldCodePoint } from '../text/case-fold';
import { CharSet } from './char-set';

/** No code point beyond plane 1 has case mappings (checked against the full range). */
const LAST_CASED_CODE_POINT = 0x1ffff;

let groupsByFold: ReadonlyMap<number, readonly number[]> | undefined;

/** fold key → every code point with that fold, for groups of two or more; built once, lazily (~50 ms). */
function caseGroups(): ReadonlyMap<number, readonly number[]> {
  if (groupsByFold) return groupsByFold;
  const groups = new Map<number, number[]>();
  for (let cp = 0; cp <= LAST_CASED_CODE_POINT; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (ch.toUpperCase() === ch && ch.toLowerCase() === ch) continue;
    const fold = foldCodePoint(cp);
    // Seed with the fold itself: it belongs to its own group even if it had no mapping to scan.
    const members = groups.get(fold) ?? (fold === cp ? [] : [fold]);
    members.push(cp);
    groups.set(fold, members);
  }
  const multi = new Map<number, readonly number[]>();
  for (const [fold, members] of groups) {
    if (members.length > 1) multi.set(fold, [...new Set(members)].sort((a, b) => a - b));
  }
  groupsByFold = multi;
  return multi;
}

/** Every code point equal to `cp` ignoring case, `cp` included. */
export function caseVariants(cp: number): readonly number[] {
  return caseGroups().get(foldCodePoint(cp)) ?? [cp];
}

/** True when no other code point equals `cp` ignoring case (digits, punctuation, CJK…). */
export function isCaseless(cp: number): boolean {
  return caseVariants(cp).length === 1;
}

/** The smallest superset of `set` that is closed under case equivalence. */
export function closeOverCase(set: CharSet): CharSet {
  const { codePoints, groups } = casedIndex();
  const extra: number[] = [];
  for (let r = 0; r < set.ranges.length; r += 2) {
    const hi = set.ranges[r + 1] as number;
    // Visit only the cased code points inside this range.
    for (let i = firstAtLeast(codePoints, set.ranges[r] as number); i < codePoints.length && (codePoints[i] as number) <= hi; i++) {
      for (const cp of groups[i] as readonly number[]) extra.push(cp, cp);
    }
  }
  return extra.length === 0 ? set : set.union(CharSet.fromRanges(extra));
}

let index: { readonly codePoints: Int32Array; readonly groups: readonly (readonly number[])[] } | undefined;

/** Every code point that has case variants, sorted, with its group. */
function casedIndex(): { readonly codePoints: Int32Array; readonly groups: readonly (readonly number[])[] } {
  if (index) return index;
  const entries = [...caseGroups().values()].flatMap((members) => members.map((cp) => [cp, members] as const));
  entries.sort((a, b) => a[0] - b[0]);
  index = { codePoints: Int32Array.from(entries, (e) => e[0]), groups: entries.map((e) => e[1]) };
  return index;
}

function firstAtLeast(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
