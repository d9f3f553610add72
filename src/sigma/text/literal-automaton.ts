import { foldCodePoint } from './case-fold';

/**
 * Multi-literal search (Aho–Corasick) compiled to a dense automaton: one table read per UTF-16
 * code unit of scanned text, whatever the number of literals. Literals are given case-folded and
 * the scan folds as it reads (ASCII through the class table, other characters through
 * `foldCodePoint`), so text never needs folding first. Characters that occur in no literal
 * share one alphabet class, which keeps the table small.
 */
export class LiteralAutomaton {
  readonly stateCount: number;
  private readonly classCount: number;
  private readonly asciiClass: Uint16Array;
  /** Class of a non-ASCII code unit, filled as units are met (folding costs a lookup once per character). */
  private readonly otherClass = new Map<number, number>();
  private readonly foldedClass: ReadonlyMap<number, number>;
  private readonly next: Uint16Array | Uint32Array;
  /** Literal id ending exactly at a state, or -1. */
  private readonly terminal: Int32Array;
  /** Nearest proper suffix state that ends a literal, or -1. */
  private readonly dictionaryLink: Int32Array;
  /**
   * States are numbered so that those where a literal ends (directly or through a suffix) come
   * last: the scan's per-character check is one comparison with this number.
   */
  private readonly firstEmitting: number;

  constructor(literals: readonly string[]) {
    const classes = new Map<number, number>();
    for (const lit of literals) {
      for (let i = 0; i < lit.length; i++) if (!classes.has(lit.charCodeAt(i))) classes.set(lit.charCodeAt(i), classes.size + 1);
    }
    this.classCount = classes.size + 1;
    this.asciiClass = new Uint16Array(128);
    for (let unit = 0; unit < 128; unit++) this.asciiClass[unit] = classes.get(foldCodePoint(unit)) ?? 0;
    this.foldedClass = classes;

    // Trie first, with transitions in maps; then breadth-first failure links and the dense table.
    const trie: Map<number, number>[] = [new Map()];
    const terminal: number[] = [-1];
    literals.forEach((lit, id) => {
      let state = 0;
      for (let i = 0; i < lit.length; i++) {
        const cls = classes.get(lit.charCodeAt(i)) as number;
        const edges = trie[state] as Map<number, number>;
        let to = edges.get(cls);
        if (to === undefined) {
          to = trie.length;
          trie.push(new Map());
          terminal.push(-1);
          edges.set(cls, to);
        }
        state = to;
      }
      if (terminal[state] === -1) terminal[state] = id;
    });
    this.stateCount = trie.length;
    const k = this.classCount;
    const next = new Uint32Array(this.stateCount * k);
    const dictionaryLink = new Int32Array(this.stateCount).fill(-1);
    const emits = new Uint8Array(this.stateCount);
    const fail = new Uint32Array(this.stateCount);
    const queue: number[] = [];
    for (const [cls, to] of trie[0] as Map<number, number>) {
      next[cls] = to;
      queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const f = fail[state] as number;
      dictionaryLink[state] = (terminal[f] as number) >= 0 ? f : (dictionaryLink[f] as number);
      emits[state] = (terminal[state] as number) >= 0 || (dictionaryLink[state] as number) >= 0 ? 1 : 0;
      const edges = trie[state] as Map<number, number>;
      for (let cls = 0; cls < k; cls++) {
        const to = edges.get(cls);
        if (to === undefined) {
          next[state * k + cls] = next[f * k + cls] as number;
        } else {
          next[state * k + cls] = to;
          fail[to] = state === 0 ? 0 : (next[f * k + cls] as number);
          queue.push(to);
        }
      }
    }
    // Renumber: the root stays 0, non-emitting states next, emitting states last.
    const order = [0, ...queue.filter((s) => emits[s] === 0), ...queue.filter((s) => emits[s] === 1)];
    const newId = new Uint32Array(this.stateCount);
    order.forEach((old, id) => (newId[old] = id));
    this.firstEmitting = order.length - queue.filter((s) => emits[s] === 1).length;
    this.next = this.stateCount <= 0xffff ? new Uint16Array(this.stateCount * k) : new Uint32Array(this.stateCount * k);
    this.terminal = new Int32Array(this.stateCount);
    this.dictionaryLink = new Int32Array(this.stateCount);
    order.forEach((old, id) => {
      for (let cls = 0; cls < k; cls++) this.next[id * k + cls] = newId[next[old * k + cls] as number] as number;
      this.terminal[id] = terminal[old] as number;
      const link = dictionaryLink[old] as number;
      this.dictionaryLink[id] = link < 0 ? -1 : (newId[link] as number);
    });
  }

  private classOf(unit: number): number {
    let cls = this.otherClass.get(unit);
    if (cls === undefined) {
      // Surrogate halves are not folded: case folding outside the BMP is too rare to matter here.
      const folded = unit >= 0xd800 && unit <= 0xdfff ? unit : foldCodePoint(unit);
      cls = folded < 128 ? (this.asciiClass[folded] as number) : (this.foldedClass.get(folded) ?? 0);
      this.otherClass.set(unit, cls);
    }
    return cls;
  }

  /** Calls `found` with the id of every literal occurring in `text`, ignoring case (repeats possible). */
  scan(text: string, found: (literalId: number) => void): void {
    const { next, asciiClass, firstEmitting, terminal, dictionaryLink } = this;
    const k = this.classCount;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      state = next[state * k + (unit < 128 ? (asciiClass[unit] as number) : this.classOf(unit))] as number;
      if (state >= firstEmitting) {
        let out = (terminal[state] as number) >= 0 ? state : (dictionaryLink[state] as number);
        while (out >= 0) {
          found(terminal[out] as number);
          out = dictionaryLink[out] as number;
        }
      }
    }
  }

  /** Whether any literal occurs in `text`, ignoring case. */
  containsAny(text: string): boolean {
    const { next, asciiClass, firstEmitting } = this;
    const k = this.classCount;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      state = next[state * k + (unit < 128 ? (asciiClass[unit] as number) : this.classOf(unit))] as number;
      if (state >= firstEmitting) return true;
    }
    return false;
  }

  /** Bytes used by the transition table, for reports. */
  get tableBytes(): number {
    return this.next.byteLength;
  }
}
