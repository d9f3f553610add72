import { fromParts, textPart } from '../values/sigma-string';
import type { StringPart } from '../values/sigma-string';
import { requireString, valueModifier } from './modifier';

/** Hyphen-minus, slash, en dash, em dash and horizontal bar: Windows accepts each as a flag prefix. */
export const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;

const DASHES: ReadonlySet<string> = new Set(WINDASH_CHARACTERS);
const WORD = /[\p{L}\p{N}_]/u;

/**
 * `windash`: a dash that starts a word (no word character before it, one after it — the `\B-\b`
 * of pySigma) matches any of the five dash characters. A character class stands for the 5^n
 * permutations, so long command lines never expand combinatorially.
 */
export const windashModifier = valueModifier('windash', (value) => {
  const str = requireString('windash', value);
  const split = (text: string): StringPart[] => {
    const parts: StringPart[] = [];
    let acc = '';
    const chars = [...text];
    chars.forEach((c, i) => {
      const before = chars[i - 1];
      const after = chars[i + 1];
      const startsWord = (before === undefined || !WORD.test(before)) && after !== undefined && WORD.test(after);
      if (DASHES.has(c) && startsWord) {
        if (acc !== '') parts.push(textPart(acc));
        parts.push({ kind: 'class', chars: WINDASH_CHARACTERS });
        acc = '';
      } else {
        acc += c;
      }
    });
    if (acc !== '') parts.push(textPart(acc));
    return parts;
  };
  return { ...str, value: fromParts(str.value.parts.flatMap((p) => (p.kind === 'text' ? split(p.text) : [p]))) };
});
