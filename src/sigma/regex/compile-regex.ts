/**
 * compileRegex: parse, compile to an NFA program, derive literals, and pick the cheapest way to
 * answer test(): indexOf for plain strings, otherwise a literal prefilter in front of the lazy DFA.
 */
import { foldCase } from '../text/case-fold';
import { compileProgram } from './compiler';
import { DEFAULT_FLAGS, type RegexFlags } from './flags';
import { DEFAULT_CACHE_BYTES, LazyDfa } from './lazy-dfa';
import type { LinearRegex } from './linear-regex';
import { plainLiteral, requiredLiterals } from './literals';
import { NfaStepper, type MatchStats } from './nfa-step';
import { parsePattern } from './parser';
import { testWithNfa } from './pike-vm';

/** One-character class: V8 runs it without backtracking. */
const NON_ASCII = /[^\0-\x7f]/;

export interface EngineOptions {
  /** Lazy DFA cache budget per regex, in bytes. */
  readonly cacheBytes?: number;
}

/** Compiles a Sigma `re` value; throws RegexSyntaxError for anything outside the linear subset. */
export function compileRegex(pattern: string, flags?: Partial<RegexFlags>): LinearRegex {
  return compileRegexWithEngine(pattern, flags);
}

/** compileRegex with engine internals exposed, for tests and the benchmark. */
export function compileRegexWithEngine(pattern: string, flags?: Partial<RegexFlags>, options?: EngineOptions): CompiledRegex {
  const parsed = parsePattern(pattern, { ...DEFAULT_FLAGS, ...flags });
  const program = compileProgram(parsed.node);
  const fold = parsed.flags.ignoreCase;
  const stepper = new NfaStepper(program);
  const literals = requiredLiterals(parsed.node, fold);
  return new CompiledRegex(
    pattern,
    Object.freeze(parsed.flags),
    literals && Object.freeze([...literals]),
    plainLiteral(parsed.node, fold),
    stepper,
    new LazyDfa(stepper, options?.cacheBytes ?? DEFAULT_CACHE_BYTES),
  );
}

export class CompiledRegex implements LinearRegex {
  constructor(
    readonly source: string,
    readonly flags: RegexFlags,
    readonly requiredLiterals: readonly string[] | undefined,
    /** Set when the pattern is one plain string (folded when flags.ignoreCase). */
    private readonly literal: string | undefined,
    private readonly stepper: NfaStepper,
    readonly dfa: LazyDfa,
  ) {}

  test(input: string): boolean {
    return this.testWithStats(input, undefined);
  }

  /** test() that also counts the work done. */
  testWithStats(input: string, stats: MatchStats | undefined): boolean {
    if (this.literal !== undefined) return this.haystack(input).includes(this.literal);
    if (!this.passesPrefilter(input)) return false;
    return this.dfa.test(input, stats);
  }

  /** The NFA simulation alone, without prefilter or DFA (for differential tests). */
  testWithNfa(input: string, stats?: MatchStats): boolean {
    return testWithNfa(this.stepper, input, stats);
  }

  /** Instructions in the NFA program. */
  get programSize(): number {
    return this.stepper.program.ops.length;
  }

  private passesPrefilter(input: string): boolean {
    const literals = this.requiredLiterals;
    if (literals === undefined) return true;
    const haystack = this.haystack(input);
    for (const literal of literals) if (haystack.includes(literal)) return true;
    return false;
  }

  private haystack(input: string): string {
    if (!this.flags.ignoreCase) return input;
    // foldCase scans for non-ASCII in JS; the native check is several times faster on log lines.
    return NON_ASCII.test(input) ? foldCase(input) : input.toLowerCase();
  }
}
