/**
 * Backslash escapes, inside and outside brackets, following pcre2pattern "Backslash".
 * Escapes of non-alphanumerics are literals; unknown letters are errors (as PCRE2 makes them),
 * so a typo such as `\y` is caught when the rule is loaded rather than silently matching 'y'.
 */
import { Assertion } from './ast';
import type { CharSet } from './char-set';
import { NOT_LINE_FEED, typeEscapeSet } from './char-types';
import { invalid, NOT_REGULAR, unsupported } from './errors';
import type { PatternReader } from './pattern-reader';

export type Escape =
  | { readonly kind: 'char'; readonly codePoint: number }
  | { readonly kind: 'set'; readonly set: CharSet }
  | { readonly kind: 'assertion'; readonly assertion: Assertion }
  | { readonly kind: 'quote-start' }
  | { readonly kind: 'quote-end' };

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { a: 0x07, e: 0x1b, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09 };
const ASSERTION_ESCAPES: Readonly<Record<string, Assertion>> = {
  b: Assertion.wordBoundary,
  B: Assertion.notWordBoundary,
  A: Assertion.textStart,
  z: Assertion.textEnd,
  Z: Assertion.textEndBeforeFinalNewline,
};
const REJECTED_ESCAPES: Readonly<Record<string, string>> = {
  K: "'\\K' (reset match start) needs a backtracking matcher's notion of the match start; " + NOT_REGULAR,
  G: "'\\G' (anchor at the previous match) has no meaning for a single test; " + NOT_REGULAR,
  X: "'\\X' (extended grapheme cluster) is not in Sigma's regex subset",
  C: "'\\C' (one code unit) would split characters; it is not in Sigma's regex subset",
  R: "'\\R' (any newline sequence) is an atomic group in PCRE; write (?:\\r\\n|\\n|\\r) instead",
  p: "Unicode property escapes are not supported; write an explicit class such as [A-Za-z]",
  P: "Unicode property escapes are not supported; write an explicit class such as [^A-Za-z]",
};

/** Parses the escape at `reader.pos` (which is on the backslash). */
export function parseEscape(reader: PatternReader, inClass: boolean, captureCount: number): Escape {
  const start = reader.pos;
  reader.pos++;
  if (reader.atEnd) throw invalid('\\ at end of pattern', start);
  const c = reader.peek();
  if (!/[0-9A-Za-z]/.test(c)) return { kind: 'char', codePoint: reader.nextCodePoint() };
  reader.pos++;
  if (c >= '0' && c <= '9') return digitEscape(reader, c, start, inClass, captureCount);
  const control = CONTROL_ESCAPES[c];
  if (control !== undefined) return { kind: 'char', codePoint: control };
  if (c === 'b' && inClass) return { kind: 'char', codePoint: 0x08 };
  const set = typeEscapeSet(c);
  if (set !== undefined) return { kind: 'set', set };
  const rejected = REJECTED_ESCAPES[c];
  if (rejected !== undefined) {
    if (inClass && c !== 'p' && c !== 'P') throw invalid(`escape sequence '\\${c}' is invalid in a character class`, start);
    throw unsupported(`escape '\\${c}'`, start, rejected);
  }
  const assertion = ASSERTION_ESCAPES[c];
  if (assertion !== undefined) {
    if (inClass) throw invalid(`escape sequence '\\${c}' is invalid in a character class`, start);
    return { kind: 'assertion', assertion };
  }
  switch (c) {
    case 'Q':
      return { kind: 'quote-start' };
    case 'E':
      return { kind: 'quote-end' };
    case 'N':
      if (inClass) throw invalid("'\\N' is not supported in a character class", start);
      // \N{U+hhhh} names a character; \N{3} is \N with a quantifier.
      if (reader.lookingAt('{U+')) throw unsupported("'\\N{U+…}'", start, 'write \\x{…} for a code point');
      return { kind: 'set', set: NOT_LINE_FEED };
    case 'x':
      return { kind: 'char', codePoint: hexEscape(reader, start) };
    case 'o':
      return { kind: 'char', codePoint: bracedNumber(reader, start, 8, 'o') };
    case 'u':
      return { kind: 'char', codePoint: unicodeEscape(reader, start) };
    case 'c':
      return { kind: 'char', codePoint: controlLetter(reader, start) };
    case 'g':
    case 'k':
      throw backReference(reader, start, c);
    default:
      throw invalid(`unknown escape sequence '\\${c}'`, start);
  }
}

function digitEscape(reader: PatternReader, first: string, start: number, inClass: boolean, captures: number): Escape {
  reader.pos--;
  if (first === '0') return { kind: 'char', codePoint: octalDigits(reader, 3) };
  if (inClass) {
    // In a class \1–\7 start octal escapes and \8, \9 are the digits themselves.
    return first >= '8' ? { kind: 'char', codePoint: reader.nextCodePoint() } : { kind: 'char', codePoint: octalDigits(reader, 3) };
  }
  // PCRE2: a number under 10, or starting with 8 or 9, or naming an existing group is a back-reference; else octal.
  const decimal = reader.takeWhile(/[0-9]/);
  const n = Number(decimal);
  if (n < 10 || first >= '8' || n <= captures) throw backReferenceError(`\\${decimal}`, start);
  reader.pos = start + 1;
  return { kind: 'char', codePoint: octalDigits(reader, 3) };
}

function octalDigits(reader: PatternReader, max: number): number {
  let value = 0;
  for (let i = 0; i < max && /[0-7]/.test(reader.peek()); i++) value = value * 8 + Number(reader.pattern[reader.pos++]);
  return value;
}

function hexEscape(reader: PatternReader, start: number): number {
  if (reader.peek() === '{') return bracedNumber(reader, start, 16, 'x');
  const digits = reader.takeWhile(/[0-9A-Fa-f]/).slice(0, 2);
  reader.pos = start + 2 + digits.length;
  return digits === '' ? 0 : parseInt(digits, 16);
}

/** `\x{…}` and `\o{…}`; PCRE2 10.43 allows spaces and tabs inside the braces. */
function bracedNumber(reader: PatternReader, start: number, radix: 8 | 16, letter: string): number {
  if (!reader.eat('{')) throw invalid(`missing opening brace after '\\${letter}'`, start);
  reader.takeWhile(/[ \t]/);
  const digits = reader.takeWhile(radix === 16 ? /[0-9A-Fa-f]/ : /[0-7]/);
  reader.takeWhile(/[ \t]/);
  if (!reader.eat('}')) throw invalid(`'\\${letter}{' is not closed by '}' or has a non-digit`, start);
  if (digits === '') throw invalid(`digits missing in '\\${letter}{}'`, start);
  return checkedCodePoint(parseInt(digits, radix), start);
}

function unicodeEscape(reader: PatternReader, start: number): number {
  const digits = reader.pattern.slice(reader.pos, reader.pos + 4);
  if (!/^[0-9A-Fa-f]{4}$/.test(digits)) throw invalid("'\\u' must be followed by four hex digits", start);
  reader.pos += 4;
  return checkedCodePoint(parseInt(digits, 16), start);
}

function checkedCodePoint(cp: number, start: number): number {
  if (cp > 0x10ffff) throw invalid('character code point value is too large (over 0x10FFFF)', start);
  if (cp >= 0xd800 && cp <= 0xdfff) throw invalid('surrogate code points are not characters', start);
  return cp;
}

function controlLetter(reader: PatternReader, start: number): number {
  const code = reader.pattern.charCodeAt(reader.pos);
  if (Number.isNaN(code)) throw invalid("'\\c' at end of pattern", start);
  if (code < 0x20 || code > 0x7e) throw invalid("'\\c' must be followed by a printable ASCII character", start);
  reader.pos++;
  // \cx is Ctrl-X: upper-case the letter, then flip bit 6.
  return (code >= 0x61 && code <= 0x7a ? code - 0x20 : code) ^ 0x40;
}

function backReference(reader: PatternReader, start: number, letter: string): Error {
  if (letter === 'g' && (reader.peek() === '<' || reader.peek() === "'")) {
    return unsupported(`subroutine call '\\g${reader.peek()}'`, start, NOT_REGULAR);
  }
  return backReferenceError(`\\${letter}${reader.peek()}`, start);
}

function backReferenceError(text: string, start: number): Error {
  return unsupported(`back-reference '${text}'`, start, NOT_REGULAR);
}
