/**
 * The NFA program: a flat instruction array (Thompson construction) in typed arrays, so the
 * simulation touches no objects. Captures and priorities are absent: test() only needs to know
 * whether some thread reaches `match`, so threads form a plain set.
 */
import type { Alphabet } from './alphabet';

export const Op = {
  /** Consume one character in sets[arg]; continue at next. */
  char: 0,
  /** Continue at both arg and next. */
  split: 1,
  /** Continue at arg. */
  jump: 2,
  /** Continue at next if Assertion arg holds here. */
  assert: 3,
  match: 4,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

export interface Program {
  readonly ops: Uint8Array;
  readonly arg: Int32Array;
  readonly next: Int32Array;
  readonly start: number;
  /** True when every match must start at offset 0, so no thread is started later. */
  readonly anchoredAtStart: boolean;
  readonly alphabet: Alphabet;
  /** membership[setIndex * alphabet.size + symbol] is 1 when that set contains the symbol. */
  readonly membership: Uint8Array;
}

/** Past this many instructions (after expanding counted repeats) a pattern is refused. */
export const MAX_PROGRAM_SIZE = 5_000;
