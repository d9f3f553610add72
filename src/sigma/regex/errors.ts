/**
 * The one error a pattern can raise. Sigma rule authors see this message, so it names the
 * construct, where it is (0-based UTF-16 index into the pattern, like String.prototype.indexOf)
 * and why it is refused.
 */
export class RegexSyntaxError extends Error {
  override readonly name = 'RegexSyntaxError';

  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** Names a construct that cannot be matched in linear time and says so. */
export function unsupported(construct: string, position: number, why: string): RegexSyntaxError {
  return new RegexSyntaxError(`${construct} at position ${position} is not supported: ${why}`, position);
}

/** A malformed pattern (what PCRE itself would also reject). */
export function invalid(what: string, position: number): RegexSyntaxError {
  return new RegexSyntaxError(`${what} at position ${position}`, position);
}

/** Shared reason for every construct outside the regular languages. */
export const NOT_REGULAR =
  "Sigma's regex subset has no back-references, look-around or backtracking control, and it cannot be matched in linear time";
