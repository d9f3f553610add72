import { foldCase } from '../text/case-fold';
import type { FieldAccessor, FieldValues } from './field-path';

/** The text forms a scalar event value can be matched as: strings as they are, numbers and booleans printed. */
export function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    default:
      return undefined;
  }
}

/** A field's values as seen by matchers, with their text and case-folded text computed once per event. */
export class ResolvedField {
  private textCache: readonly string[] | undefined;
  private foldedCache: readonly string[] | undefined;

  constructor(
    readonly present: boolean,
    readonly values: readonly unknown[],
    texts?: readonly string[],
    folded?: readonly string[],
  ) {
    this.textCache = texts;
    this.foldedCache = folded;
  }

  /** Text of each scalar value (objects and nulls have none). */
  texts(): readonly string[] {
    if (this.textCache === undefined) {
      const out: string[] = [];
      for (const v of this.values) {
        const t = scalarText(v);
        if (t !== undefined) out.push(t);
      }
      this.textCache = out;
    }
    return this.textCache;
  }

  folded(): readonly string[] {
    this.foldedCache ??= this.texts().map(foldCase);
    return this.foldedCache;
  }
}

const MAX_KEYWORD_DEPTH = 64;

/**
 * One event during evaluation. Field lookups, text and folding are memoized here, so many rules
 * reading the same field pay once. Created per event and dropped after it: nothing event-specific
 * outlives an evaluation.
 */
export class EventView {
  private readonly fields = new Map<string, ResolvedField>();
  private leafCache: readonly string[] | undefined;
  private foldedLeafCache: readonly string[] | undefined;
  private keywordCache: ResolvedField | undefined;
  private booleanTexts: readonly string[] = [];

  constructor(readonly event: unknown) {}

  field(name: string, accessor: FieldAccessor): ResolvedField {
    let resolved = this.fields.get(name);
    if (resolved === undefined) {
      const found: FieldValues = accessor(this.event);
      resolved = new ResolvedField(found.present, found.values);
      this.fields.set(name, resolved);
    }
    return resolved;
  }

  /** Text of every string and number anywhere in the event: what keyword search looks through. */
  leafTexts(): readonly string[] {
    if (this.leafCache === undefined) {
      const out: string[] = [];
      let sawTrue = false;
      let sawFalse = false;
      // Iterative walk: event nesting is attacker-influenced, so no recursion.
      const stack: { value: unknown; depth: number }[] = [{ value: this.event, depth: 0 }];
      while (stack.length > 0) {
        const { value, depth } = stack.pop() as { value: unknown; depth: number };
        if (typeof value === 'object' && value !== null) {
          if (depth >= MAX_KEYWORD_DEPTH) continue;
          const children = Array.isArray(value) ? value : Object.values(value);
          for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i], depth: depth + 1 });
        } else if (typeof value === 'boolean') {
          if (value) sawTrue = true;
          else sawFalse = true;
        } else {
          const text = scalarText(value);
          if (text !== undefined) out.push(text);
        }
      }
      this.leafCache = out;
      this.booleanTexts = [...(sawTrue ? ['true'] : []), ...(sawFalse ? ['false'] : [])];
    }
    return this.leafCache;
  }

  foldedLeafTexts(): readonly string[] {
    this.foldedLeafCache ??= this.leafTexts().map(foldCase);
    return this.foldedLeafCache;
  }

  /** Every string and number of the event as one multi-valued field, for keyword (field-less) items. */
  keywords(): ResolvedField {
    if (this.keywordCache === undefined) {
      const texts = this.leafTexts();
      this.keywordCache = new ResolvedField(texts.length > 0, texts, texts, this.foldedLeafTexts());
    }
    return this.keywordCache;
  }

  /** Folded text of every scalar, booleans included: everything a field matcher could compare against. */
  scanTexts(): readonly string[] {
    const folded = this.foldedLeafTexts();
    return this.booleanTexts.length === 0 ? folded : [...folded, ...this.booleanTexts];
  }
}
