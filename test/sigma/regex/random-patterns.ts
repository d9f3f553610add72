/**
 * Random patterns for differential testing against V8's RegExp. Each generated pattern comes
 * as a pair: our PCRE-flavoured text and an equivalent ECMAScript pattern (flag 'u', plus 'i'
 * when caseless). Where PCRE and ECMAScript differ (`.` and `\s` sets, `$` before a final
 * newline, multiline `^` after a final newline), the ECMAScript side spells the PCRE meaning out.
 */

/** mulberry32: a tiny deterministic PRNG, so failures reproduce from the seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PatternOptions {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

export interface PatternPair {
  readonly pcre: string;
  readonly js: string;
}

/** Characters for literals and inputs: ASCII, case-folding traps, a newline and an emoji. */
export const ALPHABET = ['a', 'b', 'c', 'A', 'B', 'k', 'K', 's', 'S', '\u212a', '\u017f', 'ß', 'ẞ', 'σ', 'ς', 'Σ', 'é', 'É', 'ж', 'Ж', '😀', '-', '.', ' ', '\n', '_', '1'];

const SPACE_CLASS = '\\t\\n\\v\\f\\r ';
const WORD = 'A-Za-z0-9_';

export function randomPattern(random: () => number, options: PatternOptions): PatternPair {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chars = Array.from({ length: 4 }, () => pick(ALPHABET));

  const literal = (inClass = false): PatternPair => {
    const ch = pick(chars);
    // `.` is escaped in classes too: PCRE reads `[.x.]` as a POSIX collating element.
    const special = inClass ? /[.\\^\]-]/ : /[.\\^$|?*+()[\]{}/]/;
    const text = ch === '\n' ? '\\n' : special.test(ch) ? `\\${ch}` : ch;
    return { pcre: text, js: text };
  };
  const classItem = (): PatternPair => {
    const r = random();
    if (r < 0.5) return literal(true);
    if (r < 0.7) return pick([{ pcre: 'a-c', js: 'a-c' }, { pcre: 'A-Z', js: 'A-Z' }, { pcre: 'α-ω', js: 'α-ω' }, { pcre: 'а-я', js: 'а-я' }]);
    if (r < 0.8) return { pcre: '\\d', js: '\\d' };
    if (r < 0.9) return { pcre: '\\s', js: SPACE_CLASS };
    return options.ignoreCase ? { pcre: '\\d', js: '\\d' } : { pcre: '\\w', js: WORD };
  };
  const charClass = (): PatternPair => {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, classItem);
    const negate = random() < 0.3 ? '^' : '';
    return { pcre: `[${negate}${items.map((i) => i.pcre).join('')}]`, js: `[${negate}${items.map((i) => i.js).join('')}]` };
  };
  const escapeType = (): PatternPair =>
    pick([
      { pcre: '\\d', js: '\\d' },
      { pcre: '\\D', js: '\\D' },
      { pcre: '\\s', js: `[${SPACE_CLASS}]` },
      { pcre: '\\S', js: `[^${SPACE_CLASS}]` },
      ...(options.ignoreCase ? [] : [{ pcre: '\\w', js: `[${WORD}]` }, { pcre: '\\W', js: `[^${WORD}]` }]),
    ]);
  const anchor = (): PatternPair => {
    // ECMAScript ^ and $ without its m flag are exactly \A and \z. (V8 mis-handles `(?<![\s\S])`
    // inside a surrogate pair, so look-behind is avoided for these.)
    const all: PatternPair[] = [
      { pcre: '^', js: options.multiline ? '(?:^|(?<=\\n)(?!$))' : '^' },
      { pcre: '$', js: options.multiline ? '(?=\\n|$)' : '(?=\\n?$)' },
      { pcre: '\\A', js: '^' },
      { pcre: '\\z', js: '$' },
      { pcre: '\\Z', js: '(?=\\n?$)' },
    ];
    if (!options.ignoreCase) {
      const w = `[${WORD}]`;
      all.push({ pcre: '\\b', js: `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` });
      all.push({ pcre: '\\B', js: `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` });
    }
    return pick(all);
  };
  const quantifier = (): string => {
    const q = pick(['*', '+', '?', '{2}', '{1,}', '{0,2}', '{1,3}', '{2,}']);
    return random() < 0.25 ? `${q}?` : q;
  };
  const atom = (depth: number): PatternPair => {
    const r = random();
    if (r < 0.4) return literal();
    if (r < 0.5) return options.dotAll ? { pcre: '.', js: '[\\s\\S]' } : { pcre: '.', js: '[^\\n]' };
    if (r < 0.62) return charClass();
    if (r < 0.72) return escapeType();
    if (r < 0.82 || depth >= 3) return literal();
    const body = alternation(depth + 1);
    const open = random() < 0.5 ? '(' : '(?:';
    return { pcre: `${open}${body.pcre})`, js: `${open}${body.js})` };
  };
  const sequence = (depth: number): PatternPair => {
    const parts: PatternPair[] = [];
    const length = Math.floor(random() * 4);
    for (let i = 0; i < length; i++) {
      if (random() < 0.15) {
        parts.push(anchor());
        continue;
      }
      const a = atom(depth);
      const q = random() < 0.35 ? quantifier() : '';
      parts.push({ pcre: a.pcre + q, js: a.js + q });
    }
    return { pcre: parts.map((p) => p.pcre).join(''), js: parts.map((p) => p.js).join('') };
  };
  const alternation = (depth: number): PatternPair => {
    const alternatives = Array.from({ length: random() < 0.7 ? 1 : 2 + Math.floor(random() * 2) }, () => sequence(depth));
    return { pcre: alternatives.map((a) => a.pcre).join('|'), js: alternatives.map((a) => a.js).join('|') };
  };
  return alternation(0);
}

/** A short random input over the same alphabet (biased to a few characters so matches happen). */
export function randomInput(random: () => number): string {
  const chars = Array.from({ length: 5 }, () => ALPHABET[Math.floor(random() * ALPHABET.length)] as string);
  const length = Math.floor(random() * 9);
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(random() * chars.length)];
  return out;
}

/**
 * RegExp search that, like PCRE in UTF mode, only tries matches at code point boundaries: V8
 * also tries empty matches inside a surrogate pair, so inputs with astral characters are
 * searched one start position at a time with a sticky twin.
 */
export class ReferenceRegex {
  private readonly plain: RegExp;
  private readonly sticky: RegExp;

  constructor(source: string, flags: string) {
    this.plain = new RegExp(source, flags);
    this.sticky = new RegExp(source, `${flags}y`);
  }

  test(input: string): boolean {
    if (!/[\ud800-\udfff]/.test(input)) return this.plain.test(input);
    for (let i = 0; i <= input.length; i += (input.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) {
      this.sticky.lastIndex = i;
      if (this.sticky.test(input)) return true;
    }
    return false;
  }
}
