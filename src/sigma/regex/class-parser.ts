/**
 * Bracketed character classes `[...]` (pcre2pattern "Square brackets and character classes"):
 * a leading `]` is literal, `-` is literal first or last, `\Q…\E` quotes, POSIX `[:name:]` and
 * `[:^name:]` work inside. Caseless classes are closed over case before negation, so `(?i)[^k]`
 * rejects 'K' and the Kelvin sign too; type escapes such as \w are not case-closed (PCRE2).
 */
import { closeOverCase } from './case-closure';
import { CharSet } from './char-set';
import { posixClassSet } from './char-types';
import { invalid } from './errors';
import { parseEscape } from './escape-parser';
import type { PatternReader } from './pattern-reader';

type Token =
  | { readonly kind: 'end' }
  | { readonly kind: 'dash' }
  | { readonly kind: 'char'; readonly codePoint: number }
  | { readonly kind: 'set'; readonly set: CharSet };

interface TokenState {
  pos: number;
  quoted: boolean;
}

/** Parses the class at `reader.pos` (on the `[`) and returns the set it matches. */
export function parseCharClass(reader: PatternReader, ignoreCase: boolean, captureCount: number): CharSet {
  const start = reader.pos;
  if (posixSyntaxEnd(reader.pattern, start) >= 0) {
    if (reader.peek(1) !== ':') throw invalid('POSIX collating elements are not supported', start);
    throw invalid('POSIX named classes are supported only within a class (write [[:alpha:]])', start);
  }
  reader.pos++;
  const negated = reader.eat('^');
  const state: TokenState = { pos: reader.pos, quoted: false };
  const next = (first: boolean): Token => nextToken(reader, state, start, first, ignoreCase, captureCount);
  const chars: number[] = [];
  let types = CharSet.EMPTY;
  let token = next(true);
  while (token.kind !== 'end') {
    const left: Token = token.kind === 'dash' ? { kind: 'char', codePoint: 0x2d } : token;
    token = next(false);
    if (token.kind !== 'dash') {
      addItem(left);
      continue;
    }
    const dashPos = state.pos - 1;
    const right = next(false);
    if (right.kind === 'end') {
      addItem(left);
      chars.push(0x2d, 0x2d); // A trailing `-` is literal.
      token = right;
      continue;
    }
    if (left.kind === 'set' || right.kind === 'set') throw invalid('invalid range in character class', dashPos);
    const lo = left.kind === 'char' ? left.codePoint : 0x2d;
    const hi = right.kind === 'char' ? right.codePoint : 0x2d;
    if (hi < lo) throw invalid('range out of order in character class', dashPos);
    chars.push(lo, hi);
    token = next(false);
  }
  reader.pos = state.pos;
  const literal = CharSet.fromRanges(chars);
  const all = (ignoreCase ? closeOverCase(literal) : literal).union(types);
  return negated ? all.negate() : all;

  function addItem(item: Token): void {
    if (item.kind === 'set') types = types.union(item.set);
    else if (item.kind === 'char') chars.push(item.codePoint, item.codePoint);
  }
}

function nextToken(
  reader: PatternReader,
  state: TokenState,
  classStart: number,
  first: boolean,
  ignoreCase: boolean,
  captureCount: number,
): Token {
  for (;;) {
    reader.pos = state.pos;
    if (reader.atEnd) throw invalid('missing terminating ] for character class', classStart);
    if (state.quoted) {
      if (reader.eat('\\E')) {
        state.quoted = false;
      } else {
        const codePoint = reader.nextCodePoint();
        state.pos = reader.pos;
        return { kind: 'char', codePoint };
      }
      state.pos = reader.pos;
      continue;
    }
    const c = reader.peek();
    if (c === ']' && !first) {
      state.pos = reader.pos + 1;
      return { kind: 'end' };
    }
    if (c === '-') {
      state.pos = reader.pos + 1;
      return { kind: 'dash' };
    }
    if (c === '[') {
      const posix = posixItem(reader, ignoreCase);
      if (posix !== undefined) {
        state.pos = reader.pos;
        return { kind: 'set', set: posix };
      }
    }
    if (c !== '\\') {
      const codePoint = reader.nextCodePoint();
      state.pos = reader.pos;
      return { kind: 'char', codePoint };
    }
    const escape = parseEscape(reader, true, captureCount);
    state.pos = reader.pos;
    if (escape.kind === 'quote-start') state.quoted = true;
    else if (escape.kind === 'char' || escape.kind === 'set') return escape;
    // `\E` outside a quote and empty `\Q\E` are ignored, even before a leading `]`.
  }
}

/**
 * Where a POSIX-style item `[:…:]` (or `[.….]`, `[=…=]`) starting at `at` ends, or -1 when the
 * text there is not one, by PCRE2's rule: scan for the terminator followed by `]`, stepping
 * over `\]` and `\\`, giving up at a bare `]` or a nested opening `[:`.
 */
function posixSyntaxEnd(pattern: string, at: number): number {
  const terminator = pattern[at + 1];
  if (pattern[at] !== '[' || (terminator !== ':' && terminator !== '.' && terminator !== '=')) return -1;
  for (let i = at + 2; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === ']' || pattern[i + 1] === '\\')) i++;
    else if ((c === '[' && pattern[i + 1] === terminator) || c === ']') return -1;
    else if (c === terminator && pattern[i + 1] === ']') return i + 2;
  }
  return -1;
}

/** `[:alpha:]`-style items; `[.x.]` and `[=x=]` are refused as PCRE2 does. */
function posixItem(reader: PatternReader, ignoreCase: boolean): CharSet | undefined {
  const end = posixSyntaxEnd(reader.pattern, reader.pos);
  if (end < 0) return undefined;
  if (reader.peek(1) !== ':') throw invalid('POSIX collating elements are not supported', reader.pos);
  const body = reader.pattern.slice(reader.pos + 2, end - 2);
  const negated = body.startsWith('^');
  const name = negated ? body.slice(1) : body;
  const set = posixClassSet(name, ignoreCase);
  if (set === undefined) throw invalid(`unknown POSIX class name '${name}'`, reader.pos);
  reader.pos = end;
  return negated ? set.negate() : set;
}
