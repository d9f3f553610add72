import type { SigmaString } from './sigma-string';

export interface RegexFlagSet {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

export const TIME_PARTS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type TimePart = (typeof TIME_PARTS)[number];

export const COMPARE_OPERATORS = ['lt', 'lte', 'gt', 'gte'] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/**
 * A detection value after modifiers: what the value means, independent of how it was written.
 * Matchers are compiled from these (src/sigma/matchers), so evaluation never looks at modifier names.
 */
export type SigmaValue =
  /** `bytes`: each character stands for one byte (after utf16 encodings), not for text. */
  | { readonly type: 'string'; readonly value: SigmaString; readonly cased: boolean; readonly bytes: boolean }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'regex'; readonly pattern: string; readonly flags: RegexFlagSet }
  | { readonly type: 'cidr'; readonly cidr: string }
  | { readonly type: 'compare'; readonly operator: CompareOperator; readonly value: number }
  | { readonly type: 'exists'; readonly value: boolean }
  | { readonly type: 'time-part'; readonly part: TimePart; readonly value: number }
  | {
      readonly type: 'field-ref';
      readonly field: string;
      readonly startsWith: boolean;
      readonly endsWith: boolean;
      readonly cased: boolean;
    }
  /** Alternatives that stand for one value (base64offset's three shifts, placeholder values): any may match. */
  | { readonly type: 'expansion'; readonly values: readonly SigmaValue[] };

export type PlainValue = string | number | boolean | null;

export function describeValueType(value: SigmaValue): string {
  switch (value.type) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'null';
    case 'regex':
      return 'a regular expression';
    case 'cidr':
      return 'a CIDR network';
    case 'compare':
      return 'a numeric comparison';
    case 'exists':
      return 'an existence check';
    case 'time-part':
      return 'a time part';
    case 'field-ref':
      return 'a field reference';
    case 'expansion':
      return 'an expanded value list';
  }
}
