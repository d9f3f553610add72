/**
 * The predefined character types, with PCRE2's defaults (UTF mode without UCP): \d, \w, \s and
 * the POSIX classes are ASCII-only; \h and \v list the Unicode horizontal and vertical spaces
 * (pcre2pattern "Generic character types").
 */
import { CharSet } from './char-set';

export const DIGIT = CharSet.range(0x30, 0x39);
export const WORD = CharSet.fromRanges([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]);
/** PCRE2 \s includes VT (\x0b) since 10.x, like Perl 5.18. */
export const SPACE = CharSet.fromRanges([0x09, 0x0d, 0x20, 0x20]);
export const HORIZONTAL_SPACE = CharSet.fromRanges([
  0x09, 0x09, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x180e, 0x180e, 0x2000, 0x200a, 0x202f, 0x202f,
  0x205f, 0x205f, 0x3000, 0x3000,
]);
export const VERTICAL_SPACE = CharSet.fromRanges([0x0a, 0x0d, 0x85, 0x85, 0x2028, 0x2029]);
export const LINE_FEED = 0x0a;
export const NOT_LINE_FEED = CharSet.of(LINE_FEED).negate();

/** Type escapes valid both inside and outside brackets: letter → set. Upper case negates. */
const TYPE_ESCAPES: Readonly<Record<string, CharSet>> = {
  d: DIGIT,
  w: WORD,
  s: SPACE,
  h: HORIZONTAL_SPACE,
  v: VERTICAL_SPACE,
};

export function typeEscapeSet(letter: string): CharSet | undefined {
  const base = TYPE_ESCAPES[letter.toLowerCase()];
  if (base === undefined) return undefined;
  return letter === letter.toLowerCase() ? base : base.negate();
}

const POSIX_CLASSES: Readonly<Record<string, CharSet>> = {
  alpha: CharSet.fromRanges([0x41, 0x5a, 0x61, 0x7a]),
  digit: DIGIT,
  alnum: CharSet.fromRanges([0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a]),
  upper: CharSet.range(0x41, 0x5a),
  lower: CharSet.range(0x61, 0x7a),
  space: SPACE,
  blank: CharSet.fromRanges([0x09, 0x09, 0x20, 0x20]),
  cntrl: CharSet.fromRanges([0x00, 0x1f, 0x7f, 0x7f]),
  graph: CharSet.range(0x21, 0x7e),
  print: CharSet.range(0x20, 0x7e),
  punct: CharSet.fromRanges([0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e]),
  xdigit: CharSet.fromRanges([0x30, 0x39, 0x41, 0x46, 0x61, 0x66]),
  word: WORD,
  ascii: CharSet.range(0x00, 0x7f),
};

/**
 * A POSIX class by name, or undefined when unknown. Caseless [:upper:] and [:lower:] become
 * [:alpha:], as pcre2_compile does; the other types are not case-closed.
 */
export function posixClassSet(name: string, ignoreCase: boolean): CharSet | undefined {
  if (ignoreCase && (name === 'upper' || name === 'lower')) return POSIX_CLASSES.alpha;
  return Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
}
