import { hasSpecialParts, plainText } from '../values/sigma-string';
import { parseCidr } from '../matchers/ip-address';
import type { CompareOperator, SigmaValue, TimePart } from '../values/sigma-value';
import type { Modifier } from './modifier';
import { firstValueModifier, ModifierError, requireString, typeError, valueModifier } from './modifier';

/** `cidr`: the value is an IPv4 or IPv6 network; a malformed network or one with host bits set is rejected. */
export const cidrModifier: Modifier = firstValueModifier('cidr', (value) => {
  const str = requireString('cidr', value);
  const text = plainText(str.value);
  if (text === undefined) throw new ModifierError("'cidr' values cannot contain wildcards");
  const parsed = parseCidr(text);
  if (typeof parsed === 'string') throw new ModifierError(`invalid CIDR '${text}': ${parsed}`);
  return { type: 'cidr', cidr: text };
});

/** `exists`: whether the field is present (any value, null included). */
export const existsModifier: Modifier = firstValueModifier('exists', (value, ctx) => {
  if (ctx.field === undefined) throw new ModifierError("'exists' must be applied to a field, not to keywords");
  if (value.type !== 'boolean') throw typeError('exists', 'true or false', value);
  return { type: 'exists', value: value.value };
});

/** `fieldref`: compare with the value of another field of the same event. */
export const fieldrefModifier: Modifier = valueModifier('fieldref', (value) => {
  const str = requireString('fieldref', value);
  if (hasSpecialParts(str.value)) throw new ModifierError("'fieldref' names a field and cannot contain wildcards");
  const field = plainText(str.value) ?? '';
  if (field === '') throw new ModifierError("'fieldref' needs a field name");
  return { type: 'field-ref', field, startsWith: false, endsWith: false, cased: str.cased };
});

function compareModifier(operator: CompareOperator): Modifier {
  return valueModifier(operator, (value): SigmaValue => {
    if (value.type !== 'number') throw typeError(operator, 'numbers', value);
    return { type: 'compare', operator, value: value.value };
  });
}

export const ltModifier = compareModifier('lt');
export const lteModifier = compareModifier('lte');
export const gtModifier = compareModifier('gt');
export const gteModifier = compareModifier('gte');

const TIME_PART_RANGES: Record<TimePart, readonly [number, number]> = {
  minute: [0, 59],
  hour: [0, 23],
  day: [1, 31],
  week: [1, 53], // ISO 8601 years have 52 or 53 weeks
  month: [1, 12],
  year: [0, 9999],
};

function timePartModifier(part: TimePart): Modifier {
  return valueModifier(part, (value): SigmaValue => {
    if (value.type !== 'number' || !Number.isInteger(value.value)) throw typeError(part, 'whole numbers', value);
    const [min, max] = TIME_PART_RANGES[part];
    if (value.value < min || value.value > max) throw new ModifierError(`'${part}' value ${value.value} is outside ${min}..${max}`);
    return { type: 'time-part', part, value: value.value };
  });
}

export const minuteModifier = timePartModifier('minute');
export const hourModifier = timePartModifier('hour');
export const dayModifier = timePartModifier('day');
export const weekModifier = timePartModifier('week');
export const monthModifier = timePartModifier('month');
export const yearModifier = timePartModifier('year');
