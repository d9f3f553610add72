import { fillerText, randomFieldValue } from './field-values';
import type { JsonObject } from './normalized-event';
import { Prng } from './prng';
import type { FieldSample, RuleField, RuleFieldVocabulary } from './rule-fields';

/**
 * Events for benchmarking a rule corpus without recorded logs: each event carries 6–14 of the
 * fields the rules use (picked by how often rules use them), as flat keys. A value is sometimes a
 * rule's own literal placed as the rule expects it (matching path), sometimes that literal with
 * one character changed (near miss: the index proposes the rule, evaluation rejects it), and
 * otherwise a random value shaped after the field name.
 */
export interface RuleFieldEventOptions {
  readonly literalRate?: number;
  readonly nearMissRate?: number;
  /** Share of events with one of the rules' keywords inside some value. */
  readonly keywordRate?: number;
}

export const DEFAULT_LITERAL_RATE = 0.04;
export const DEFAULT_NEAR_MISS_RATE = 0.08;
export const DEFAULT_KEYWORD_RATE = 0.02;

/** Resolves Sigma wildcards (`*` any text, `?` one character) and escapes into a concrete text. */
export function instantiateSigmaString(prng: Prng, sigma: string): string {
  let out = '';
  for (let i = 0; i < sigma.length; i++) {
    const c = sigma[i] as string;
    const next = sigma[i + 1];
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      out += next;
      i++;
    } else if (c === '*') out += prng.chance(0.5) ? '' : prng.chars(prng.int(1, 6), 'abcdefghijklmnopqrstuvwxyz');
    else if (c === '?') out += prng.chars(1, 'abcdefghijklmnopqrstuvwxyz');
    else out += c;
  }
  return out;
}

function nearMiss(prng: Prng, text: string): string {
  if (text.length < 2) return `${text}x`;
  const at = prng.int(0, text.length - 1);
  const current = text[at] as string;
  const replacement = current === 'q' || current === 'Q' ? 'z' : 'q';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

function place(prng: Prng, text: string, sample: FieldSample): string {
  switch (sample.placement) {
    case 'contains':
      return `${fillerText(prng)}${text}${prng.chance(0.5) ? '' : ` ${fillerText(prng)}`}`;
    case 'startswith':
      return `${text}${fillerText(prng)}`;
    case 'endswith':
      return `${fillerText(prng)}${text}`;
    default:
      return text;
  }
}

function valueFor(prng: Prng, field: RuleField, literalRate: number, nearMissRate: number): string | number {
  const roll = prng.next();
  const numeric = field.samples.length > 0 && field.samples.every((s) => typeof s.value === 'number');
  if (field.samples.length === 0 || roll >= literalRate + nearMissRate) return randomFieldValue(prng, field.name, numeric);
  const sample = prng.pick(field.samples);
  const miss = roll >= literalRate;
  if (typeof sample.value === 'number') return miss ? sample.value + 7 : sample.value;
  const text = instantiateSigmaString(prng, sample.value);
  return place(prng, miss ? nearMiss(prng, text) : text, sample);
}

export interface RuleFieldEventGenerator {
  next(): JsonObject;
}

export function createRuleFieldEventGenerator(vocabulary: RuleFieldVocabulary, seed: number, options: RuleFieldEventOptions = {}): RuleFieldEventGenerator {
  const prng = new Prng(seed);
  const literalRate = options.literalRate ?? DEFAULT_LITERAL_RATE;
  const nearMissRate = options.nearMissRate ?? DEFAULT_NEAR_MISS_RATE;
  const keywordRate = options.keywordRate ?? DEFAULT_KEYWORD_RATE;
  const weighted = vocabulary.fields.map((f) => [f, f.uses] as const);
  return {
    next: () => {
      const event: JsonObject = {};
      const wanted = Math.min(prng.int(6, 14), vocabulary.fields.length);
      // Weighted picks without replacement; a bounded number of tries keeps it cheap when few fields dominate.
      for (let tries = 0; Object.keys(event).length < wanted && tries < wanted * 4; tries++) {
        const field = prng.weighted(weighted);
        if (!(field.name in event)) event[field.name] = valueFor(prng, field, literalRate, nearMissRate);
      }
      if (vocabulary.keywords.length > 0 && prng.chance(keywordRate)) {
        const textKey = Object.keys(event).find((k) => typeof event[k] === 'string') ?? 'message';
        event[textKey] = `${String(event[textKey] ?? '')} ${instantiateSigmaString(prng, prng.pick(vocabulary.keywords))}`.trim();
      }
      return event;
    },
  };
}

export function generateRuleFieldEvents(vocabulary: RuleFieldVocabulary, count: number, seed: number, options: RuleFieldEventOptions = {}): JsonObject[] {
  const generator = createRuleFieldEventGenerator(vocabulary, seed, options);
  return Array.from({ length: count }, () => generator.next());
}
