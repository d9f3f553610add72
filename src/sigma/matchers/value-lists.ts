import { foldCase } from '../text/case-fold';
import { LiteralAutomaton } from '../text/literal-automaton';
import type { SigmaValue } from '../values/sigma-value';
import type { FieldMatcher } from './value-matcher';

/**
 * Real rules list dozens of values under one field (`Image|endswith:` process names,
 * `CommandLine|contains:` tool flags, hash lists). Matching each value on its own costs one
 * search per value per event; these matchers answer the whole OR list at once.
 */
export type ListShape = 'exact' | 'contains' | 'prefix' | 'suffix';

/** The shape of a case-insensitive plain string value with only leading/trailing `*`, and its literal. */
export function listShape(value: SigmaValue): { shape: ListShape; text: string } | undefined {
  if (value.type !== 'string' || value.cased) return undefined;
  const parts = value.value.parts;
  const texts = parts.filter((p) => p.kind === 'text');
  if (texts.length !== 1 || parts.some((p) => p.kind !== 'text' && p.kind !== 'many')) return undefined;
  const text = (texts[0] as { text: string }).text;
  const key = parts.map((p) => (p.kind === 'text' ? 't' : '*')).join('');
  const shape = ({ t: 'exact', '*t*': 'contains', 't*': 'prefix', '*t': 'suffix' } as const)[key];
  return shape === undefined ? undefined : { shape, text };
}

export function compileExactSetMatcher(texts: readonly string[]): FieldMatcher {
  const folded = new Set(texts.map(foldCase));
  return (field) => field.folded().some((t) => folded.has(t));
}

/** One case-insensitive automaton pass over each value, on the raw text (the automaton folds as it reads). */
export function compileContainsAnyMatcher(texts: readonly string[]): FieldMatcher {
  const automaton = new LiteralAutomaton([...new Set(texts.map(foldCase))]);
  return (field) => field.texts().some((t) => automaton.containsAny(t));
}

/** Prefixes or suffixes grouped by length: one set lookup per distinct length. */
export function compileAffixMatcher(texts: readonly string[], at: 'prefix' | 'suffix'): FieldMatcher {
  const byLength = new Map<number, Set<string>>();
  for (const text of texts.map(foldCase)) {
    let set = byLength.get(text.length);
    if (set === undefined) byLength.set(text.length, (set = new Set()));
    set.add(text);
  }
  const lengths = [...byLength.entries()].sort((a, b) => a[0] - b[0]);
  return (field) =>
    field.folded().some((t) => {
      for (const [length, set] of lengths) {
        if (length > t.length) return false;
        if (set.has(at === 'prefix' ? t.slice(0, length) : t.slice(t.length - length))) return true;
      }
      return false;
    });
}
