/**
 * Symbol classes: the code points are partitioned into intervals that no set (and neither \w
 * nor "\n") tells apart, and equal-behaving intervals share a symbol. The automaton then steps
 * on a handful of symbols instead of 1.1 million code points. Two extra symbols exist: a "\n"
 * that ends the input (where `$` also holds before it) and the end of input itself.
 */
import { CharSet, MAX_CODE_POINT } from './char-set';
import { LINE_FEED, WORD } from './char-types';

export interface Alphabet {
  /** Code point symbols, then finalLineFeed, then endOfInput. */
  readonly size: number;
  readonly finalLineFeed: number;
  readonly endOfInput: number;
  /** Symbol of each ASCII code point, the hot path. */
  readonly ascii: Uint16Array;
  /** Sorted interval starts and the symbol of each interval, for the rest. */
  readonly starts: Int32Array;
  readonly intervalSymbols: Uint16Array;
  readonly isWord: Uint8Array;
  readonly isLineFeed: Uint8Array;
}

export interface AlphabetWithMembership {
  readonly alphabet: Alphabet;
  /** membership[setIndex * alphabet.size + symbol]. */
  readonly membership: Uint8Array;
}

export function buildAlphabet(sets: readonly CharSet[]): AlphabetWithMembership {
  const special = [CharSet.of(LINE_FEED), WORD];
  const all = [...sets, ...special];
  const cuts = new Set<number>([0, 0x80]);
  for (const set of all) {
    for (let i = 0; i < set.ranges.length; i += 2) {
      cuts.add(set.ranges[i] as number);
      cuts.add((set.ranges[i + 1] as number) + 1);
    }
  }
  const starts = [...cuts].filter((cp) => cp <= MAX_CODE_POINT).sort((a, b) => a - b);
  // Partition refinement: split the intervals' symbols by membership in one set at a time.
  const symbols = new Uint32Array(starts.length);
  let count = 1;
  for (const set of all) {
    const inside = membersByInterval(set, starts);
    const renumber = new Int32Array(count * 2).fill(-1);
    count = 0;
    for (let i = 0; i < starts.length; i++) {
      const key = (symbols[i] as number) * 2 + (inside[i] as number);
      if ((renumber[key] as number) < 0) renumber[key] = count++;
      symbols[i] = renumber[key] as number;
    }
  }
  const intervalSymbols = Uint16Array.from(symbols);
  const representatives = new Array<number>(count);
  for (let i = starts.length - 1; i >= 0; i--) representatives[symbols[i] as number] = starts[i] as number;
  const size = count + 2;
  const isWord = new Uint8Array(size);
  const isLineFeed = new Uint8Array(size);
  const membership = new Uint8Array(sets.length * size);
  representatives.forEach((cp, symbol) => {
    isWord[symbol] = WORD.contains(cp) ? 1 : 0;
    isLineFeed[symbol] = cp === LINE_FEED ? 1 : 0;
    sets.forEach((set, s) => (membership[s * size + symbol] = set.contains(cp) ? 1 : 0));
  });
  // A final "\n" is consumed exactly like any other "\n".
  isLineFeed[count] = 1;
  sets.forEach((set, s) => (membership[s * size + count] = set.contains(LINE_FEED) ? 1 : 0));
  const alphabet: Alphabet = {
    size,
    finalLineFeed: count,
    endOfInput: count + 1,
    ascii: new Uint16Array(0x80),
    starts: Int32Array.from(starts),
    intervalSymbols,
    isWord,
    isLineFeed,
  };
  for (let cp = 0; cp < 0x80; cp++) alphabet.ascii[cp] = symbolOf(alphabet, cp);
  return { alphabet, membership };
}

/** inside[i] = 1 when the interval starting at starts[i] lies in `set` (intervals never straddle it). */
function membersByInterval(set: CharSet, starts: readonly number[]): Uint8Array {
  const inside = new Uint8Array(starts.length);
  let i = 0;
  for (let r = 0; r < set.ranges.length; r += 2) {
    const lo = set.ranges[r] as number;
    const hi = set.ranges[r + 1] as number;
    while (i < starts.length && (starts[i] as number) < lo) i++;
    while (i < starts.length && (starts[i] as number) <= hi) inside[i++] = 1;
  }
  return inside;
}

/** The symbol of a code point (binary search; callers use `ascii` first). */
export function symbolOf(alphabet: Alphabet, cp: number): number {
  const starts = alphabet.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= cp) lo = mid;
    else hi = mid - 1;
  }
  return alphabet.intervalSymbols[lo] as number;
}
