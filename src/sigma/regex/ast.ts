/**
 * The parsed pattern. Captures and greediness are gone by this point: test() only asks whether a
 * match exists, and the answer is the same for `(a)`/`(?:a)` and `a*`/`a*?`.
 */
import type { CharSet } from './char-set';

/** Zero-width tests, resolved from the characters either side of a position. */
export const Assertion = {
  /** `\A`, and `^` without multiline. */
  textStart: 0,
  /** `^` with multiline: start, or after "\n" unless that "\n" ends the input (PCRE2). */
  lineStart: 1,
  /** `\z`. */
  textEnd: 2,
  /** `\Z`, and `$` without multiline: the end, or before a final "\n". */
  textEndBeforeFinalNewline: 3,
  /** `$` with multiline: before any "\n", or at the end. */
  lineEnd: 4,
  wordBoundary: 5,
  notWordBoundary: 6,
} as const;
export type Assertion = (typeof Assertion)[keyof typeof Assertion];

export type RegexNode =
  | { readonly kind: 'empty' }
  /** One code point; `ignoreCase` is kept so literal extraction can fold it. */
  | { readonly kind: 'literal'; readonly codePoint: number; readonly ignoreCase: boolean }
  /** A class, `.` or a type escape, already closed over case when caseless. */
  | { readonly kind: 'set'; readonly set: CharSet }
  | { readonly kind: 'assertion'; readonly assertion: Assertion }
  | { readonly kind: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alternation'; readonly alternatives: readonly RegexNode[] }
  /** `max` is Infinity for unbounded repeats; `position` locates it for size errors. */
  | { readonly kind: 'repeat'; readonly item: RegexNode; readonly min: number; readonly max: number; readonly position: number };

export const EMPTY: RegexNode = { kind: 'empty' };

export function concat(items: readonly RegexNode[]): RegexNode {
  const flat = items.flatMap((n) => (n.kind === 'concat' ? n.items : n.kind === 'empty' ? [] : [n]));
  if (flat.length === 0) return EMPTY;
  return flat.length === 1 ? (flat[0] as RegexNode) : { kind: 'concat', items: flat };
}

export function alternation(alternatives: readonly RegexNode[]): RegexNode {
  return alternatives.length === 1 ? (alternatives[0] as RegexNode) : { kind: 'alternation', alternatives };
}
