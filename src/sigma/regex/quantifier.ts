/**
 * Quantifiers: `*` `+` `?` and braces, with PCRE2 10.43 brace rules ({,m} means {0,m}; spaces and
 * tabs allowed inside; anything else, such as `{`, `x{a}` or `{,}`, is a literal brace).
 */
import { invalid, NOT_REGULAR, unsupported } from './errors';
import type { PatternReader } from './pattern-reader';

/** Counts above this are refused: enough for `.{1000,}` in SigmaHQ rules, small enough to expand. */
export const MAX_REPEAT_COUNT = 1000;

export interface Quantifier {
  readonly min: number;
  readonly max: number;
  readonly position: number;
}

const BRACE_QUANTIFIER = /^\{[ \t]*(\d*)[ \t]*(?:(,)[ \t]*(\d*)[ \t]*)?\}/;

/** Whether a quantifier starts at the cursor (without consuming it). */
export function isQuantifierAhead(reader: PatternReader): boolean {
  const c = reader.peek();
  return c === '*' || c === '+' || c === '?' || (c === '{' && braceBounds(reader) !== undefined);
}

/** Consumes a quantifier, its lazy `?` suffix, and rejects a possessive `+` suffix. */
export function parseQuantifier(reader: PatternReader): Quantifier {
  const position = reader.pos;
  const c = reader.peek();
  let bounds: { min: number; max: number; length: number } | undefined;
  if (c === '*') bounds = { min: 0, max: Infinity, length: 1 };
  else if (c === '+') bounds = { min: 1, max: Infinity, length: 1 };
  else if (c === '?') bounds = { min: 0, max: 1, length: 1 };
  else bounds = braceBounds(reader);
  if (bounds === undefined) throw invalid('expected a quantifier', position);
  reader.pos += bounds.length;
  if (reader.peek() === '+') {
    const text = reader.pattern.slice(position, reader.pos + 1);
    throw unsupported(`possessive quantifier '${text}'`, position, NOT_REGULAR);
  }
  reader.eat('?'); // Lazy and greedy repeats accept the same inputs.
  return { min: bounds.min, max: bounds.max, position };
}

function braceBounds(reader: PatternReader): { min: number; max: number; length: number } | undefined {
  const close = reader.pattern.indexOf('}', reader.pos);
  if (close < 0) return undefined;
  const m = BRACE_QUANTIFIER.exec(reader.pattern.slice(reader.pos, close + 1));
  if (m === null) return undefined;
  const [text, low = '', comma, high = ''] = m;
  if (low === '' && (comma === undefined || high === '')) return undefined;
  const min = low === '' ? 0 : checkedCount(low, reader.pos);
  const max = comma === undefined ? min : high === '' ? Infinity : checkedCount(high, reader.pos);
  if (max < min) throw invalid('numbers out of order in {} quantifier', reader.pos);
  return { min, max, length: text.length };
}

function checkedCount(digits: string, position: number): number {
  const n = Number(digits);
  if (n > MAX_REPEAT_COUNT) {
    throw invalid(`repetition count too large in {} quantifier (${digits} > ${MAX_REPEAT_COUNT})`, position);
  }
  return n;
}
