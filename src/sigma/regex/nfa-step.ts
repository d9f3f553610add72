/**
 * One step of the NFA simulation, shared by the Pike VM and the lazy DFA: from a set of thread
 * positions waiting before a symbol, follow splits, jumps and assertions (which need the
 * previous character, kept as context bits, and the symbol itself), report whether `match` is
 * reachable, and collect the threads that consume the symbol. Every instruction is visited at
 * most once per step, which is what makes matching O(input length × program size).
 */
import { Assertion } from './ast';
import { Op, type Program } from './program';

/** Context bits describing the character before the current position. */
export const Context = { atStart: 1, afterWord: 2, afterLineFeed: 4 } as const;

/** Work counters, for tests that bound the work done and for the benchmark. */
export interface MatchStats {
  /** Instructions visited by NFA steps (DFA construction and NFA simulation). */
  nfaSteps: number;
  dfaStatesBuilt: number;
  dfaCacheClears: number;
  /** Whether this search fell back to the uncached NFA simulation. */
  usedNfaSimulation: boolean;
}

export function emptyStats(): MatchStats {
  return { nfaSteps: 0, dfaStatesBuilt: 0, dfaCacheClears: 0, usedNfaSimulation: false };
}

export class NfaStepper {
  /** Threads after the last step (sorted when the step was canonical); valid up to `count`. */
  readonly out: Int32Array;
  count = 0;
  private readonly stack: Int32Array;
  private readonly visited: Uint32Array;
  private readonly queued: Uint32Array;
  private generation = 0;
  /** Context bits worth keeping in a DFA state: others never change an answer. */
  readonly contextMask: number;

  constructor(readonly program: Program) {
    const n = program.ops.length;
    this.out = new Int32Array(n + 1);
    this.stack = new Int32Array(n + 1); // each instruction is pushed at most once per step
    this.visited = new Uint32Array(n);
    this.queued = new Uint32Array(n);
    this.contextMask = contextBitsUsed(program);
  }

  /** Context bits after consuming `symbol`. */
  contextAfter(symbol: number): number {
    const a = this.program.alphabet;
    return ((a.isWord[symbol] as number) * Context.afterWord + (a.isLineFeed[symbol] as number) * Context.afterLineFeed) & this.contextMask;
  }

  /**
   * Steps `threads` over `symbol`. Returns true as soon as `match` is reachable before the
   * symbol; otherwise fills `out`/`count` with the threads after it (plus a fresh start thread
   * for unanchored search), sorted when `canonical` (the DFA's state key needs one order).
   */
  step(threads: ArrayLike<number>, length: number, context: number, symbol: number, stats: MatchStats | undefined, canonical: boolean): boolean {
    const { ops, arg, next, membership, alphabet } = this.program;
    const size = alphabet.size;
    const gen = this.nextGeneration();
    const { stack, visited, queued, out } = this;
    let sp = 0;
    let count = 0;
    let visits = 0;
    // Instructions are marked when pushed, so each is visited at most once per step.
    for (let i = length - 1; i >= 0; i--) {
      const pc = threads[i] as number;
      if (visited[pc] !== gen) {
        visited[pc] = gen;
        stack[sp++] = pc;
      }
    }
    while (sp > 0) {
      const pc = stack[--sp] as number;
      visits++;
      const op = ops[pc];
      let target = -1;
      if (op === Op.char) {
        const to = next[pc] as number;
        if (membership[(arg[pc] as number) * size + symbol] === 1 && queued[to] !== gen) {
          queued[to] = gen;
          out[count++] = to;
        }
      } else if (op === Op.split) {
        const second = next[pc] as number;
        if (visited[second] !== gen) {
          visited[second] = gen;
          stack[sp++] = second;
        }
        target = arg[pc] as number;
      } else if (op === Op.jump) {
        target = arg[pc] as number;
      } else if (op === Op.assert) {
        if (this.holds(arg[pc] as number, context, symbol)) target = next[pc] as number;
      } else {
        if (stats) stats.nfaSteps += visits;
        return true;
      }
      if (target >= 0 && visited[target] !== gen) {
        visited[target] = gen;
        stack[sp++] = target;
      }
    }
    if (stats) stats.nfaSteps += visits;
    const start = this.program.start;
    if (!this.program.anchoredAtStart && symbol !== alphabet.endOfInput && queued[start] !== gen) {
      queued[start] = gen;
      out[count++] = start;
    }
    this.count = count;
    if (canonical) out.subarray(0, count).sort();
    return false;
  }

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.visited.fill(0);
      this.queued.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  private holds(assertion: number, context: number, symbol: number): boolean {
    const a = this.program.alphabet;
    const atEnd = symbol === a.endOfInput;
    switch (assertion) {
      case Assertion.textStart:
        return (context & Context.atStart) !== 0;
      case Assertion.lineStart:
        return (context & Context.atStart) !== 0 || ((context & Context.afterLineFeed) !== 0 && !atEnd);
      case Assertion.textEnd:
        return atEnd;
      case Assertion.textEndBeforeFinalNewline:
        return atEnd || symbol === a.finalLineFeed;
      case Assertion.lineEnd:
        return atEnd || a.isLineFeed[symbol] === 1;
      case Assertion.wordBoundary:
        return ((context & Context.afterWord) !== 0) !== (a.isWord[symbol] === 1);
      default:
        return ((context & Context.afterWord) !== 0) === (a.isWord[symbol] === 1);
    }
  }
}

function contextBitsUsed(program: Program): number {
  let mask = 0;
  program.ops.forEach((op, pc) => {
    if (op !== Op.assert) return;
    const assertion = program.arg[pc];
    if (assertion === Assertion.lineStart) mask |= Context.afterLineFeed;
    if (assertion === Assertion.wordBoundary || assertion === Assertion.notWordBoundary) mask |= Context.afterWord;
  });
  return mask;
}
