/**
 * Multi-literal search (Aho–Corasick) compiled to a dense automaton: one table read per UTF-16
 * code unit of scanned text, whatever the number of literals. Characters that occur in no
 * literal share one alphabet class, which keeps the table small.
 */
export class LiteralAutomaton {
  readonly stateCount: number;
  private readonly classCount: number;
  private readonly asciiClass: Uint8Array | Uint16Array;
  private readonly otherClass: ReadonlyMap<number, number>;
  private readonly next: Uint32Array;
  /** Literal id ending exactly at a state, or -1. */
  private readonly terminal: Int32Array;
  /** Nearest proper suffix state that ends a literal, or -1. */
  private readonly dictionaryLink: Int32Array;

  constructor(literals: readonly string[]) {
    const classes = new Map<number, number>();
    for (const lit of literals) for (let i = 0; i < lit.length; i++) if (!classes.has(lit.charCodeAt(i))) classes.set(lit.charCodeAt(i), classes.size + 1);
    this.classCount = classes.size + 1;
    this.asciiClass = this.classCount < 256 ? new Uint8Array(128) : new Uint16Array(128);
    const other = new Map<number, number>();
    for (const [unit, cls] of classes) {
      if (unit < 128) this.asciiClass[unit] = cls;
      else other.set(unit, cls);
    }
    this.otherClass = other;

    // Trie first, with transitions in a map; then breadth-first failure links and the dense table.
    const trie: Map<number, number>[] = [new Map()];
    const terminal: number[] = [-1];
    literals.forEach((lit, id) => {
      let state = 0;
      for (let i = 0; i < lit.length; i++) {
        const cls = classes.get(lit.charCodeAt(i)) as number;
        let to = (trie[state] as Map<number, number>).get(cls);
        if (to === undefined) {
          to = trie.length;
          trie.push(new Map());
          terminal.push(-1);
          (trie[state] as Map<number, number>).set(cls, to);
        }
        state = to;
      }
      if (terminal[state] === -1) terminal[state] = id;
    });
    this.stateCount = trie.length;
    const k = this.classCount;
    this.next = new Uint32Array(this.stateCount * k);
    this.terminal = Int32Array.from(terminal);
    this.dictionaryLink = new Int32Array(this.stateCount).fill(-1);
    const fail = new Uint32Array(this.stateCount);
    const queue: number[] = [];
    for (const [cls, to] of trie[0] as Map<number, number>) {
      this.next[cls] = to;
      queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const f = fail[state] as number;
      this.dictionaryLink[state] = (this.terminal[f] as number) >= 0 ? f : (this.dictionaryLink[f] as number);
      for (let cls = 0; cls < k; cls++) {
        const to = (trie[state] as Map<number, number>).get(cls);
        if (to === undefined) {
          this.next[state * k + cls] = this.next[f * k + cls] as number;
        } else {
          this.next[state * k + cls] = to;
          fail[to] = state === 0 ? 0 : (this.next[f * k + cls] as number);
          queue.push(to);
        }
      }
    }
  }

  /** Calls `found` with the id of every literal occurring in `text` (repeats possible). */
  scan(text: string, found: (literalId: number) => void): void {
    const { next, asciiClass, otherClass, terminal, dictionaryLink } = this;
    const k = this.classCount;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const cls = unit < 128 ? (asciiClass[unit] as number) : (otherClass.get(unit) ?? 0);
      state = next[state * k + cls] as number;
      let out = (terminal[state] as number) >= 0 ? state : (dictionaryLink[state] as number);
      while (out >= 0) {
        found(terminal[out] as number);
        out = dictionaryLink[out] as number;
      }
    }
  }

  /** Bytes used by the transition table, for reports. */
  get tableBytes(): number {
    return this.next.byteLength;
  }
}
