import type { RegexFlagSet, SigmaValue } from '../values/sigma-value';
import type { Modifier } from './modifier';
import { firstValueModifier, ModifierError, typeError, valueModifier } from './modifier';

const NO_FLAGS: RegexFlagSet = { ignoreCase: false, multiline: false, dotAll: false };

/**
 * `re`: the value is a regular expression, taken verbatim (no wildcard or escape processing).
 * Syntax is checked when the matcher is compiled, by the linear-time engine.
 */
export const reModifier: Modifier = firstValueModifier('re', (value): SigmaValue => {
  if (value.type === 'number') return { type: 'regex', pattern: String(value.value), flags: NO_FLAGS };
  if (value.type !== 'string') throw typeError('re', 'strings', value);
  const raw = value.value.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  return { type: 'regex', pattern: raw, flags: NO_FLAGS };
});

function flagModifier(name: string, flag: keyof RegexFlagSet): Modifier {
  return valueModifier(name, (value) => {
    if (value.type !== 'regex') throw new ModifierError(`'${name}' is a regular expression flag and must follow 're'`);
    return { ...value, flags: { ...value.flags, [flag]: true } };
  });
}

export const ignoreCaseModifier = flagModifier('i', 'ignoreCase');
export const multilineModifier = flagModifier('m', 'multiline');
export const dotAllModifier = flagModifier('s', 'dotAll');
export const ignoreCaseLongModifier = flagModifier('ignorecase', 'ignoreCase');
export const multilineLongModifier = flagModifier('multiline', 'multiline');
export const dotAllLongModifier = flagModifier('dotall', 'dotAll');
