import { foldCase } from '../text/case-fold';
import type { SigmaString } from '../values/sigma-string';

/** A compiled string pattern, tested against one event value's text. */
export type TextPredicate = (text: string) => boolean;

type Atom = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'one' } | { readonly kind: 'class'; readonly chars: ReadonlySet<string> };

/** Atoms between two `*` wildcards. */
type Segment = readonly Atom[];

/**
 * Compiles a Sigma string (wildcards `*` `?`, windash classes) into a predicate. With `fold`, the
 * pattern is case-folded and must be given case-folded text. `?` and classes consume one code point.
 * Matching is a greedy left-to-right placement of the segments between `*`s, which is exact for
 * this pattern language and never backtracks across segments: O(text × pattern) at worst.
 */
export function compileStringPattern(pattern: SigmaString, fold: boolean): TextPredicate {
  const norm = (t: string): string => (fold ? foldCase(t) : t);
  const segments: Atom[][] = [[]];
  for (const part of pattern.parts) {
    const current = segments[segments.length - 1] as Atom[];
    switch (part.kind) {
      case 'text':
        current.push({ kind: 'text', text: norm(part.text) });
        break;
      case 'one':
        current.push({ kind: 'one' });
        break;
      case 'class':
        current.push({ kind: 'class', chars: new Set(part.chars.map(norm)) });
        break;
      case 'many':
        segments.push([]);
        break;
      case 'placeholder':
        throw new Error(`unresolved placeholder %${part.name}% reached the matcher compiler`);
    }
  }
  return fastPath(segments) ?? globMatcher(segments);
}

function literal(segment: Segment): string | undefined {
  if (segment.length === 0) return '';
  return segment.length === 1 && segment[0]?.kind === 'text' ? segment[0].text : undefined;
}

function fastPath(segments: readonly Segment[]): TextPredicate | undefined {
  const lits = segments.map(literal);
  if (lits.some((l) => l === undefined)) return undefined;
  const [first, second, third] = lits as string[];
  if (lits.length === 1) {
    const exact = first as string;
    return (t) => t === exact;
  }
  if (lits.length === 2) {
    const prefix = first as string;
    const suffix = second as string;
    if (suffix === '') return prefix === '' ? () => true : (t) => t.startsWith(prefix);
    if (prefix === '') return (t) => t.endsWith(suffix);
    return (t) => t.length >= prefix.length + suffix.length && t.startsWith(prefix) && t.endsWith(suffix);
  }
  if (lits.length === 3 && first === '' && third === '') {
    const middle = second as string;
    return (t) => t.includes(middle);
  }
  return undefined;
}

function codePointLength(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff && pos + 1 < text.length) {
    const d = text.charCodeAt(pos + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Matches a segment at `pos`; returns the end position, or -1. */
function matchAt(text: string, pos: number, segment: Segment): number {
  let at = pos;
  for (const atom of segment) {
    if (atom.kind === 'text') {
      if (!text.startsWith(atom.text, at)) return -1;
      at += atom.text.length;
    } else {
      if (at >= text.length) return -1;
      const width = codePointLength(text, at);
      if (atom.kind === 'class' && !atom.chars.has(text.slice(at, at + width))) return -1;
      at += width;
    }
  }
  return at;
}

/** Leftmost position >= from where the segment matches; returns [start, end] or undefined. */
function findFrom(text: string, from: number, segment: Segment): readonly [number, number] | undefined {
  const lead = segment[0];
  for (let start = from; start <= text.length; start++) {
    if (lead?.kind === 'text') {
      start = text.indexOf(lead.text, start);
      if (start < 0) return undefined;
    }
    const end = matchAt(text, start, segment);
    if (end >= 0) return [start, end];
  }
  return undefined;
}

function globMatcher(segments: readonly Segment[]): TextPredicate {
  const first = segments[0] as Segment;
  const last = segments[segments.length - 1] as Segment;
  const middle = segments.slice(1, -1);
  const lastLiteral = literal(last);
  if (segments.length === 1) return (t) => matchAt(t, 0, first) === t.length;
  return (text) => {
    let pos = matchAt(text, 0, first);
    if (pos < 0) return false;
    for (const segment of middle) {
      const found = findFrom(text, pos, segment);
      if (found === undefined) return false;
      pos = found[1];
    }
    // The last segment must end exactly at the end of the text, starting at or after `pos`.
    if (lastLiteral !== undefined) return text.length - lastLiteral.length >= pos && text.endsWith(lastLiteral);
    for (let start = text.length; start >= pos; start--) {
      if (matchAt(text, start, last) === text.length) return true;
    }
    return false;
  };
}
