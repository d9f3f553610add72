/**
 * Sigma string values: literal text with `*` and `?` wildcards (rules specification, "String
 * Wildcard" and "Escape Character"), plus the parts modifiers add: character classes (windash)
 * and placeholders (expand).
 */
export type StringPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'many' }
  | { readonly kind: 'one' }
  | { readonly kind: 'class'; readonly chars: readonly string[] }
  | { readonly kind: 'placeholder'; readonly name: string };

export interface SigmaString {
  readonly parts: readonly StringPart[];
}

const MANY: StringPart = { kind: 'many' };
const ONE: StringPart = { kind: 'one' };

export function textPart(text: string): StringPart {
  return { kind: 'text', text };
}

/**
 * Parses a rule value: `*` and `?` are wildcards; a backslash escapes `*`, `?` and itself; a
 * backslash before any other character (or at the end) stays a literal backslash.
 */
export function parseSigmaString(raw: string): SigmaString {
  const parts: StringPart[] = [];
  let acc = '';
  const flush = (): void => {
    if (acc !== '') parts.push(textPart(acc));
    acc = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        acc += next;
        i++;
      } else {
        acc += c;
      }
    } else if (c === '*') {
      flush();
      parts.push(MANY);
    } else if (c === '?') {
      flush();
      parts.push(ONE);
    } else {
      acc += c;
    }
  }
  flush();
  return { parts };
}

/** A string of literal text only (no wildcard parsing), as regular expressions and encodings produce. */
export function literalString(text: string): SigmaString {
  return { parts: text === '' ? [] : [textPart(text)] };
}

export function fromParts(parts: readonly StringPart[]): SigmaString {
  // Merge neighbouring text so that matchers see the longest literals.
  const merged: StringPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = textPart(last.text + part.text);
    else if (part.kind !== 'text' || part.text !== '') merged.push(part);
  }
  return { parts: merged };
}

export function startsWithMany(s: SigmaString): boolean {
  return s.parts[0]?.kind === 'many';
}

export function endsWithMany(s: SigmaString): boolean {
  return s.parts[s.parts.length - 1]?.kind === 'many';
}

export function prependMany(s: SigmaString): SigmaString {
  return startsWithMany(s) ? s : { parts: [MANY, ...s.parts] };
}

export function appendMany(s: SigmaString): SigmaString {
  return endsWithMany(s) ? s : { parts: [...s.parts, MANY] };
}

export function hasSpecialParts(s: SigmaString): boolean {
  return s.parts.some((p) => p.kind !== 'text');
}

/** The text of a string without wildcards, classes or placeholders, else undefined. */
export function plainText(s: SigmaString): string | undefined {
  if (hasSpecialParts(s)) return undefined;
  return s.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/** Renders the string back to Sigma syntax, for messages. */
export function renderSigmaString(s: SigmaString): string {
  return s.parts
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text.replace(/[*?\\]/g, (c) => `\\${c}`);
        case 'many':
          return '*';
        case 'one':
          return '?';
        case 'class':
          return `[${p.chars.join('')}]`;
        case 'placeholder':
          return `%${p.name}%`;
      }
    })
    .join('');
}

/** Applies `fn` to every text part, keeping wildcards, classes and placeholders in place. */
export function mapText(s: SigmaString, fn: (text: string) => readonly StringPart[]): SigmaString {
  return fromParts(s.parts.flatMap((p) => (p.kind === 'text' ? fn(p.text) : [p])));
}
