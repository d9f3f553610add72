import { fromParts, parseSigmaString, textPart } from '../values/sigma-string';
import type { StringPart } from '../values/sigma-string';
import type { PlainValue, SigmaValue } from '../values/sigma-value';
import type { ModifierContext } from './modifier';
import { ModifierError, requireString, valueModifier } from './modifier';

// `%name%` not preceded by a backslash; `\%` is a plain percent sign (rules specification, "Placeholders").
const PLACEHOLDER = /(?<!\\)%([^%]+)%/g;
const MAX_EXPANSIONS = 10_000;

function resolve(name: string, ctx: ModifierContext): readonly PlainValue[] {
  const values = ctx.placeholders.get(name);
  if (values === undefined || values.length === 0) {
    // The specification requires a tool that cannot fill a placeholder to reject the rule.
    throw new ModifierError(`placeholder %${name}% has no value: define it in a processing pipeline's vars (value_placeholders)`);
  }
  return values;
}

/** Splits text into literal runs and placeholder names. */
function splitPlaceholders(text: string): (string | { name: string })[] {
  const out: (string | { name: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    out.push(text.slice(last, m.index).replaceAll('\\%', '%'));
    out.push({ name: m[1] as string });
    last = m.index + m[0].length;
  }
  out.push(text.slice(last).replaceAll('\\%', '%'));
  return out.filter((p) => p !== '');
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`);
}

/** `expand`: fills `%name%` placeholders with the values a pipeline defines; several values become alternatives. */
export const expandModifier = valueModifier('expand', (value, ctx): SigmaValue => {
  if (value.type === 'regex') {
    const pattern = value.pattern.replace(PLACEHOLDER, (_, name: string) => `(?:${resolve(name, ctx).map((v) => escapeRegex(String(v))).join('|')})`);
    return { ...value, pattern };
  }
  const str = requireString('expand', value);
  // Each string becomes the list of its variants, built part by part (a cartesian product).
  let variants: StringPart[][] = [[]];
  for (const part of str.value.parts) {
    const pieces = part.kind === 'text' ? splitPlaceholders(part.text) : [part];
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        variants = variants.map((v) => [...v, textPart(piece)]);
      } else if ('name' in piece && !('kind' in piece)) {
        const fills = resolve(piece.name, ctx).map((v) => parseSigmaString(String(v)).parts);
        if (variants.length * fills.length > MAX_EXPANSIONS) throw new ModifierError(`'expand' would create more than ${MAX_EXPANSIONS} values`);
        variants = variants.flatMap((v) => fills.map((fill) => [...v, ...fill]));
      } else {
        variants = variants.map((v) => [...v, piece]);
      }
    }
  }
  const values: SigmaValue[] = variants.map((parts) => ({ ...str, value: fromParts(parts) }));
  return values.length === 1 ? (values[0] as SigmaValue) : { type: 'expansion', values };
});
