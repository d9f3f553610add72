/**
 * What follows an opening parenthesis (pcre2pattern "Group types"): plain, named and
 * non-capturing groups and option settings are accepted; every construct that needs
 * backtracking or back-references is refused with a message naming it.
 */
import { invalid, NOT_REGULAR, unsupported } from './errors';
import type { FlagChange } from './flags';
import type { PatternReader } from './pattern-reader';

export type GroupOpening =
  | { readonly kind: 'capture'; readonly name: string | undefined }
  | { readonly kind: 'non-capture' }
  /** `(?i:…)`: options for this group only. */
  | { readonly kind: 'scoped-flags'; readonly change: FlagChange }
  /** `(?i)`: options for the rest of the enclosing group (the `)` is consumed). */
  | { readonly kind: 'set-flags'; readonly change: FlagChange }
  /** `(?#…)`, consumed whole. */
  | { readonly kind: 'comment' };

/** Prefixes after `(?` that are refused, longest first, with the construct's name. */
const REFUSED: readonly (readonly [string, string])[] = [
  ['<=', 'look-behind'],
  ['<!', 'negative look-behind'],
  ['<*', 'non-atomic look-behind'],
  ['=', 'look-ahead'],
  ['!', 'negative look-ahead'],
  ['*', 'non-atomic look-ahead'],
  ['>', 'atomic group'],
  ['(', 'conditional group'],
  ['P=', 'named back-reference'],
  ['P>', 'subroutine call'],
  ['&', 'subroutine call'],
  ['R', 'recursion'],
  ['C', 'callout'],
];
const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}/;

/** Parses the group opening at `reader.pos` (on the `(`). */
export function parseGroupOpening(reader: PatternReader): GroupOpening {
  const start = reader.pos;
  reader.pos++;
  if (reader.peek() === '*') {
    throw unsupported(`backtracking verb or alpha assertion '(*'`, start, NOT_REGULAR);
  }
  if (!reader.eat('?')) return { kind: 'capture', name: undefined };
  for (const [prefix, construct] of REFUSED) {
    if (reader.lookingAt(prefix)) throw unsupported(`${construct} '(?${prefix}'`, start, NOT_REGULAR);
  }
  if (/^[-+]?[0-9]/.test(reader.pattern.slice(reader.pos, reader.pos + 2))) {
    throw unsupported(`subroutine call '(?${reader.peek()}'`, start, NOT_REGULAR);
  }
  if (reader.eat(':') || reader.eat('|')) return { kind: 'non-capture' }; // (?| only renumbers captures.
  if (reader.eat('#')) return comment(reader, start);
  if (reader.eat('P<') || reader.eat('<')) return { kind: 'capture', name: groupName(reader, start, '>') };
  if (reader.eat("'")) return { kind: 'capture', name: groupName(reader, start, "'") };
  return flagSetting(reader, start);
}

function comment(reader: PatternReader, start: number): GroupOpening {
  const close = reader.pattern.indexOf(')', reader.pos);
  if (close < 0) throw invalid("missing ) after '(?#' comment", start);
  reader.pos = close + 1;
  return { kind: 'comment' };
}

function groupName(reader: PatternReader, start: number, terminator: string): string {
  const name = GROUP_NAME.exec(reader.pattern.slice(reader.pos, reader.pos + 129))?.[0] ?? '';
  if (name === '' && /[0-9]/.test(reader.peek())) throw invalid('group name must start with a non-digit', start);
  reader.pos += name.length;
  if (name === '' || !reader.eat(terminator)) throw invalid('syntax error in group name (missing terminator?)', start);
  return name;
}

/** `(?^ims-ims)` or `(?ims-ims:`; n, U and J are accepted because they cannot change a yes/no answer. */
function flagSetting(reader: PatternReader, start: number): GroupOpening {
  const reset = reader.eat('^');
  const text = reader.takeWhile(/[imsxnUJ-]/);
  const [on = '', off = '', ...extra] = text.split('-');
  if (extra.length > 0 || (reset && text.includes('-'))) throw invalid("invalid hyphen in option setting '(?'", start);
  if (/x.*x/.test(on)) throw unsupported("option '(?xx)'", start, 'only (?x) extended syntax is supported');
  const change: FlagChange = { reset, on, off };
  if (reader.eat(')')) return { kind: 'set-flags', change };
  if (reader.eat(':')) return { kind: 'scoped-flags', change };
  if (reader.atEnd) throw invalid('missing closing parenthesis', start);
  throw invalid(`unrecognized character '${reader.peek()}' after '(?'`, reader.pos);
}
