import type { PlainValue, SigmaValue } from '../values/sigma-value';
import { describeValueType } from '../values/sigma-value';
import { literalString } from '../values/sigma-string';

/** The state of one detection item while its modifiers are applied in order. */
export interface ItemState {
  readonly values: readonly SigmaValue[];
  /** How the item's values combine: a list is OR unless `all` makes it AND. */
  readonly linking: 'or' | 'and';
  /** `neq` negates the whole item. */
  readonly negated: boolean;
}

export interface ModifierContext {
  /** The item's field, or undefined for a keyword (field-less) item. */
  readonly field: string | undefined;
  /** Names of the modifiers already applied to this item, in order. */
  readonly applied: readonly string[];
  /** Placeholder values from processing pipelines, for `expand`. */
  readonly placeholders: ReadonlyMap<string, readonly PlainValue[]>;
}

/** A value modifier of the specification's modifier appendix. */
export interface Modifier {
  readonly name: string;
  apply(state: ItemState, ctx: ModifierContext): ItemState;
}

/** A modifier cannot apply to the values it was given; the compiler adds file, line and field. */
export class ModifierError extends Error {
  override readonly name = 'ModifierError';
}

/** Builds a modifier that transforms each value on its own (alternatives of an expansion included). */
export function valueModifier(name: string, transform: (value: SigmaValue, ctx: ModifierContext) => SigmaValue): Modifier {
  const each = (value: SigmaValue, ctx: ModifierContext): SigmaValue =>
    value.type === 'expansion' ? { type: 'expansion', values: value.values.map((v) => each(v, ctx)) } : transform(value, ctx);
  return {
    name,
    apply: (state, ctx) => ({ ...state, values: state.values.map((v) => each(v, ctx)) }),
  };
}

/** Builds a modifier that must come first in the chain, as pySigma requires for type modifiers. */
export function firstValueModifier(name: string, transform: (value: SigmaValue, ctx: ModifierContext) => SigmaValue): Modifier {
  const inner = valueModifier(name, transform);
  return {
    name,
    apply: (state, ctx) => {
      if (ctx.applied.length > 0) {
        throw new ModifierError(`'${name}' must be the first modifier (found after '${ctx.applied.join('|')}')`);
      }
      return inner.apply(state, ctx);
    },
  };
}

/** String modifiers also accept unquoted numbers, which YAML reads as numbers: `EventID|startswith: 46`. */
export function requireString(name: string, value: SigmaValue): Extract<SigmaValue, { type: 'string' }> {
  if (value.type === 'string') return value;
  if (value.type === 'number') return { type: 'string', value: literalString(String(value.value)), cased: false, bytes: false };
  throw new ModifierError(`'${name}' applies to strings, not to ${describeValueType(value)}`);
}

export function typeError(name: string, expected: string, value: SigmaValue): ModifierError {
  return new ModifierError(`'${name}' applies to ${expected}, not to ${describeValueType(value)}`);
}
