/**
 * A DFA built lazily from the NFA: each state is a set of threads plus the context bits of the
 * previous character, and each transition is computed once by an NFA step, then cached in a
 * table indexed by (state, symbol). The cache has a byte budget; when it is full it is emptied,
 * and if that keeps happening within one search (each state used for only a few characters) the
 * search continues in the NFA simulation, which is just as linear without the bookkeeping.
 */
import { symbolOf } from './alphabet';
import { Context, type MatchStats, type NfaStepper } from './nfa-step';
import { simulateNfa } from './pike-vm';

/** Per-regex cache budget: a few hundred states for typical patterns, bounded for hostile ones. */
export const DEFAULT_CACHE_BYTES = 2 * 1024 * 1024;
/** Fall back to the NFA after this many clears in one search… */
const CLEARS_BEFORE_FALLBACK = 3;
/** …when fewer than this many characters were scanned per state built. */
const MIN_CHARS_PER_STATE = 10;
/** Rough per-state overhead of the key string and the map entry. */
const STATE_OVERHEAD_BYTES = 96;

/** Table entries: 0 not computed yet, 1 match found, 2 no match possible, else state id + 3. */
const UNKNOWN = 0;
const MATCH = 1;
const DEAD = 2;
const FIRST_STATE = 3;

export class LazyDfa {
  private table: Int32Array;
  /** State id → key: one char of context bits, then one char per thread pc (pcs < 65536). */
  private keys: string[] = [];
  private readonly ids = new Map<string, number>();
  private bytesUsed = 0;
  private readonly stride: number;
  private readonly threads: Int32Array;
  private readonly startKey: string;
  private startEntry = UNKNOWN;
  private searchClears = 0;
  private searchStatesBuilt = 0;
  private thrashing = false;

  constructor(
    private readonly stepper: NfaStepper,
    private readonly cacheBytes = DEFAULT_CACHE_BYTES,
  ) {
    this.stride = stepper.program.alphabet.size;
    this.table = new Int32Array(this.stride * 16);
    this.threads = new Int32Array(stepper.out.length);
    this.startKey = String.fromCharCode(Context.atStart, stepper.program.start);
  }

  test(input: string, stats?: MatchStats): boolean {
    const alphabet = this.stepper.program.alphabet;
    const ascii = alphabet.ascii;
    const stride = this.stride;
    const n = input.length;
    this.searchClears = 0;
    this.searchStatesBuilt = 0;
    this.thrashing = false;
    if (this.startEntry === UNKNOWN) this.startEntry = this.intern(this.startKey, stats);
    let entry = this.startEntry;
    let i = 0;
    while (i < n) {
      const state = entry - FIRST_STATE;
      let cp = input.charCodeAt(i);
      let symbol: number;
      if (cp < 0x80) {
        symbol = cp === 0x0a && i === n - 1 ? alphabet.finalLineFeed : (ascii[cp] as number);
        i++;
      } else {
        cp = input.codePointAt(i) as number;
        symbol = symbolOf(alphabet, cp);
        i += cp > 0xffff ? 2 : 1;
      }
      entry = this.table[state * stride + symbol] as number;
      if (entry === UNKNOWN) {
        entry = this.computeTransition(state, symbol, i, stats);
        if (this.thrashing && entry >= FIRST_STATE) return this.finishWithNfa(input, i, entry, stats);
      }
      if (entry < FIRST_STATE) return entry === MATCH;
    }
    const state = entry - FIRST_STATE;
    const final = this.table[state * stride + alphabet.endOfInput] as number;
    return (final === UNKNOWN ? this.computeTransition(state, alphabet.endOfInput, n, stats) : final) === MATCH;
  }

  /** Number of cached states (for tests). */
  get stateCount(): number {
    return this.keys.length;
  }

  private computeTransition(state: number, symbol: number, position: number, stats: MatchStats | undefined): number {
    const key = this.keys[state] as string;
    const count = key.length - 1;
    for (let t = 0; t < count; t++) this.threads[t] = key.charCodeAt(t + 1);
    const stepper = this.stepper;
    let entry: number;
    if (stepper.step(this.threads, count, key.charCodeAt(0), symbol, stats, true)) {
      entry = MATCH;
    } else if (symbol === stepper.program.alphabet.endOfInput || (stepper.count === 0 && stepper.program.anchoredAtStart)) {
      entry = DEAD; // nothing follows the end; no thread survives an anchored start
    } else {
      const next = String.fromCharCode(stepper.contextAfter(symbol), ...stepper.out.subarray(0, stepper.count));
      const clearsBefore = this.searchClears;
      entry = this.intern(next, stats, position);
      if (this.searchClears !== clearsBefore) return entry; // `state` no longer exists
    }
    this.table[state * this.stride + symbol] = entry;
    return entry;
  }

  private intern(key: string, stats: MatchStats | undefined, position = 0): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known + FIRST_STATE;
    const bytes = key.length * 2 + this.stride * 4 + STATE_OVERHEAD_BYTES;
    if (this.bytesUsed + bytes > this.cacheBytes && this.keys.length > 0) this.clear(stats, position);
    const id = this.keys.push(key) - 1;
    this.ids.set(key, id);
    this.bytesUsed += bytes;
    this.searchStatesBuilt++;
    if (stats) stats.dfaStatesBuilt++;
    if ((id + 1) * this.stride > this.table.length) {
      const grown = new Int32Array(this.table.length * 2);
      grown.set(this.table);
      this.table = grown;
    }
    return id + FIRST_STATE;
  }

  private clear(stats: MatchStats | undefined, position: number): void {
    this.keys = [];
    this.ids.clear();
    this.table.fill(UNKNOWN);
    this.bytesUsed = 0;
    this.startEntry = UNKNOWN;
    this.searchClears++;
    if (stats) stats.dfaCacheClears++;
    if (this.searchClears >= CLEARS_BEFORE_FALLBACK && position < this.searchStatesBuilt * MIN_CHARS_PER_STATE) {
      this.thrashing = true;
    }
  }

  private finishWithNfa(input: string, index: number, entry: number, stats: MatchStats | undefined): boolean {
    if (stats) stats.usedNfaSimulation = true;
    const key = this.keys[entry - FIRST_STATE] as string;
    const threads = Array.from(key.slice(1), (ch) => ch.charCodeAt(0));
    return simulateNfa(this.stepper, input, index, threads, threads.length, key.charCodeAt(0), stats);
  }
}
