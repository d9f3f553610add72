import { fromParts, literalString, plainText, textPart } from '../values/sigma-string';
import type { SigmaValue } from '../values/sigma-value';
import type { Modifier } from './modifier';
import { ModifierError, requireString, valueModifier } from './modifier';

type StringValue = Extract<SigmaValue, { type: 'string' }>;

/** The bytes a string value stands for: UTF-8 text, or the raw bytes an earlier utf16 modifier produced. */
function bytesOf(name: string, value: StringValue): Buffer {
  const text = plainText(value.value);
  if (text === undefined) throw new ModifierError(`'${name}' cannot encode wildcards or placeholders; escape them (\\*, \\?) or drop them`);
  return value.bytes ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
}

function encodedText(text: string): StringValue {
  return { type: 'string', value: literalString(text), cased: true, bytes: false };
}

/** `base64`: the value as it appears Base64-encoded. Base64 is case-sensitive, so the result is cased. */
export const base64Modifier: Modifier = valueModifier('base64', (value) =>
  encodedText(bytesOf('base64', requireString('base64', value)).toString('base64')),
);

/**
 * `base64offset`: the three encodings of the value at byte offsets 0, 1 and 2 of a longer encoded
 * string, with the characters that depend on neighbouring bytes cut off. Lengths are in bytes so
 * that non-ASCII text shifts correctly; an alternative that ends up empty would match anything
 * and is left out.
 */
export const base64OffsetModifier: Modifier = valueModifier('base64offset', (value) => {
  const bytes = bytesOf('base64offset', requireString('base64offset', value));
  const startCut = [0, 2, 3];
  const endCut = [0, 3, 2]; // characters to drop at the end, by (length + shift) % 3
  const alternatives: SigmaValue[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), bytes]).toString('base64');
    const drop = endCut[(bytes.length + shift) % 3] as number;
    const text = encoded.slice(startCut[shift], encoded.length - drop);
    if (text !== '') alternatives.push(encodedText(text));
  }
  if (alternatives.length === 0) throw new ModifierError("'base64offset' value is too short to have a stable encoding");
  return { type: 'expansion', values: alternatives };
});

type Utf16Variant = 'le' | 'be';

function encodeUtf16(text: string, variant: Utf16Variant): string {
  // JS strings are UTF-16 code units already, so non-ASCII text and surrogate pairs encode exactly.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const low = String.fromCharCode(unit & 0xff);
    const high = String.fromCharCode(unit >> 8);
    out += variant === 'le' ? low + high : high + low;
  }
  return out;
}

function makeUtf16Modifier(name: string, variant: Utf16Variant, byteOrderMark: boolean): Modifier {
  return valueModifier(name, (value) => {
    const str = requireString(name, value);
    if (str.bytes) throw new ModifierError(`'${name}' cannot encode a value that is already byte-encoded`);
    const parts = str.value.parts.map((p) => (p.kind === 'text' ? textPart(encodeUtf16(p.text, variant)) : p));
    if (byteOrderMark) parts.unshift(textPart(variant === 'le' ? '\xff\xfe' : '\xfe\xff'));
    // Wildcards stay wildcards over the encoded bytes, as in pySigma.
    return { ...str, value: fromParts(parts), bytes: true };
  });
}

export const utf16leModifier = makeUtf16Modifier('utf16le', 'le', false);
export const wideModifier = makeUtf16Modifier('wide', 'le', false);
export const utf16beModifier = makeUtf16Modifier('utf16be', 'be', false);
export const utf16Modifier = makeUtf16Modifier('utf16', 'le', true);
