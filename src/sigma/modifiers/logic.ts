import type { Modifier } from './modifier';
import { ModifierError, requireString, typeError, valueModifier } from './modifier';

/** `all`: the values of a list must all match (AND instead of OR). */
export const allModifier: Modifier = {
  name: 'all',
  apply(state) {
    // Modifier appendix: "Single item values are not allowed to have an all modifier".
    if (state.values.length < 2) throw new ModifierError("'all' needs a list of at least two values");
    return { ...state, linking: 'and' };
  },
};

/** `neq`: the field differs from the value(s): the whole item is negated, as pySigma does. */
export const neqModifier: Modifier = {
  name: 'neq',
  apply: (state) => ({ ...state, negated: true }),
};

/** `cased`: match strings (and field references) case-sensitively. */
export const casedModifier = valueModifier('cased', (value) => {
  if (value.type === 'field-ref') return { ...value, cased: true };
  if (value.type === 'regex') throw typeError('cased', 'strings (regular expressions are case-sensitive unless |i)', value);
  return { ...requireString('cased', value), cased: true };
});
