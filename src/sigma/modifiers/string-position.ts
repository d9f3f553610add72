import { appendMany, prependMany } from '../values/sigma-string';
import type { SigmaValue } from '../values/sigma-value';
import type { Modifier } from './modifier';
import { requireString, valueModifier } from './modifier';

type Position = 'contains' | 'startswith' | 'endswith';

/**
 * `contains`, `startswith`, `endswith`: wildcards around strings; on regular expressions (which
 * search anywhere already) they anchor the other end; on field references they relax equality.
 */
function positionModifier(name: Position): Modifier {
  const atStart = name !== 'startswith';
  const atEnd = name !== 'endswith';
  return valueModifier(name, (value): SigmaValue => {
    if (value.type === 'regex') {
      if (name === 'contains') return value;
      const pattern = name === 'startswith' ? `\\A(?:${value.pattern})` : `(?:${value.pattern})\\z`;
      return { ...value, pattern };
    }
    if (value.type === 'field-ref') {
      return { ...value, startsWith: value.startsWith || name !== 'endswith', endsWith: value.endsWith || name !== 'startswith' };
    }
    const str = requireString(name, value);
    let s = str.value;
    if (atStart) s = prependMany(s);
    if (atEnd) s = appendMany(s);
    return { ...str, value: s };
  });
}

export const containsModifier = positionModifier('contains');
export const startswithModifier = positionModifier('startswith');
export const endswithModifier = positionModifier('endswith');
