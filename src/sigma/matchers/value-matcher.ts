import type { EventView, ResolvedField } from '../events/event-view';

import { compileFieldAccessor } from '../events/field-path';
import { compileRegex } from '../regex';
import type { LinearRegex } from '../regex';
import type { SigmaValue } from '../values/sigma-value';
import type { IpAddress } from './ip-address';
import { networkContains, parseCidr, parseIpAddress } from './ip-address';
import { compileStringPattern } from './string-pattern';
import { parseTimestamp, timePartOf } from './timestamp';

// Matcher compilation and the rule index both need a value's regex: compile it once.
const compiledRegexes = new WeakMap<SigmaValue, LinearRegex>();

/** The compiled regular expression of a `regex` value (throws RegexSyntaxError when invalid). */
export function regexOf(value: Extract<SigmaValue, { type: 'regex' }>): LinearRegex {
  let regex = compiledRegexes.get(value);
  if (regex === undefined) {
    regex = compileRegex(value.pattern, value.flags);
    compiledRegexes.set(value, regex);
  }
  return regex;
}

// Parsing an address is far dearer than testing it: parse each field value once per event.
const IP_ADDRESSES = {};
function parseAddresses(field: ResolvedField): IpAddress[] {
  return field.texts().flatMap((t) => parseIpAddress(t) ?? []);
}

/** Tests one field of one event. Compiled once per rule value; called per event. */
export type FieldMatcher = (field: ResolvedField, view: EventView) => boolean;

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number as the event states it: a JSON number, or a numeric string. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    return NUMERIC.test(t) ? Number(t) : undefined;
  }
  return undefined;
}

function anyText(field: ResolvedField, cased: boolean, test: (text: string) => boolean): boolean {
  const texts = cased ? field.texts() : field.folded();
  for (let i = 0; i < texts.length; i++) if (test(texts[i] as string)) return true;
  return false;
}

function anyValue(field: ResolvedField, test: (value: unknown) => boolean): boolean {
  const values = field.values;
  for (let i = 0; i < values.length; i++) if (test(values[i])) return true;
  return false;
}

/**
 * Compiles one value (after modifiers) into a matcher. Type differences are settled here:
 * a string value matches numbers and booleans by their text; a number matches equal numbers
 * and decimal strings; null matches a missing or null field.
 */
export function compileValueMatcher(value: SigmaValue): FieldMatcher {
  switch (value.type) {
    case 'string': {
      const test = compileStringPattern(value.value, !value.cased);
      return (field) => anyText(field, value.cased, test);
    }
    case 'number': {
      const n = value.value;
      return (field) =>
        anyValue(field, (v) => (typeof v === 'number' ? v === n : typeof v === 'string' && DECIMAL.test(v.trim()) && Number(v.trim()) === n));
    }
    case 'boolean': {
      const b = value.value;
      const text = b ? 'true' : 'false';
      return (field) => anyValue(field, (v) => v === b || (typeof v === 'string' && v.trim().toLowerCase() === text));
    }
    case 'null':
      return (field) => !field.present || field.values.length === 0 || field.values.includes(null);
    case 'exists': {
      const wanted = value.value;
      return (field) => field.present === wanted;
    }
    case 'regex': {
      const regex = regexOf(value);
      return (field) => anyText(field, true, (t) => regex.test(t));
    }
    case 'cidr': {
      const network = parseCidr(value.cidr);
      if (typeof network === 'string') throw new Error(`invalid CIDR reached the matcher compiler: ${network}`);
      return (field) => field.derived(IP_ADDRESSES, parseAddresses).some((address) => networkContains(network, address));
    }
    case 'compare': {
      const { operator, value: bound } = value;
      const test = { lt: (x: number) => x < bound, lte: (x: number) => x <= bound, gt: (x: number) => x > bound, gte: (x: number) => x >= bound }[operator];
      return (field) =>
        anyValue(field, (v) => {
          const n = numericValue(v);
          return n !== undefined && test(n);
        });
    }
    case 'time-part': {
      const { part, value: wanted } = value;
      return (field) =>
        anyValue(field, (v) => {
          const date = parseTimestamp(v);
          return date !== undefined && timePartOf(date, part) === wanted;
        });
    }
    case 'field-ref':
      return compileFieldRefMatcher(value);
    case 'expansion': {
      const alternatives = value.values.map(compileValueMatcher);
      return (field, view) => alternatives.some((m) => m(field, view));
    }
  }
}

function compileFieldRefMatcher(value: Extract<SigmaValue, { type: 'field-ref' }>): FieldMatcher {
  const accessor = compileFieldAccessor(value.field);
  const compare = (own: string, other: string): boolean => {
    if (value.startsWith && value.endsWith) return own.includes(other);
    if (value.startsWith) return own.startsWith(other);
    if (value.endsWith) return own.endsWith(other);
    return own === other;
  };
  return (field, view) => {
    const other = view.field(value.field, accessor);
    const otherTexts = value.cased ? other.texts() : other.folded();
    if (otherTexts.length === 0) return false;
    return anyText(field, value.cased, (own) => otherTexts.some((o) => compare(own, o)));
  };
}
