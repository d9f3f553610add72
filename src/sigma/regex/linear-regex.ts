/** The public contract of a compiled Sigma `re` value. */
import type { RegexFlags } from './flags';

export interface LinearRegex {
  /** The pattern as given. */
  readonly source: string;
  /** Effective flags: the options passed in, updated by inline option groups at the pattern start. */
  readonly flags: RegexFlags;
  /** Unanchored search, like PCRE or RegExp.prototype.test, in O(input length × pattern size). */
  test(input: string): boolean;
  /**
   * Literal strings of which every match contains at least one, for prefiltering, or undefined
   * when none can be derived. Case-folded (text/case-fold.ts) when flags.ignoreCase, so search
   * them in `foldCase(input)`. At most 16 strings, each at least 2 UTF-16 units long.
   */
  readonly requiredLiterals: readonly string[] | undefined;
}
