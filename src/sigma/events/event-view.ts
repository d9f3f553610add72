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

  private derivedCache: Map<object, unknown> | undefined;

  /** A value computed from this field once per event, shared by every matcher that asks with the same key. */
  derived<T>(key: object, compute: (field: ResolvedField) => T): T {
    this.derivedCache ??= new Map();
    if (this.derivedCache.has(key)) return this.derivedCache.get(key) as T;
    const value = compute(this);
    this.derivedCache.set(key, value);
    return value;
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
      // Iterative walk with parallel stacks: event nesting is attacker-influenced, so no recursion,
      // and no per-node allocation on this per-event path.
      const values: unknown[] = [this.event];
      const depths: number[] = [0];
      while (values.length > 0) {
        const value = values.pop();
        const depth = depths.pop() as number;
        if (typeof value === 'string') {
          out.push(value);
        } else if (typeof value === 'object' && value !== null) {
          if (depth >= MAX_KEYWORD_DEPTH) continue;
          if (Array.isArray(value)) {
            for (let i = value.length - 1; i >= 0; i--) {
              values.push(value[i]);
              depths.push(depth + 1);
            }
          } else {
            const record = value as Record<string, unknown>;
            // for-in walks V8's enum cache without allocating a key array; events are parsed JSON (no inherited keys).
            for (const key in record) {
              values.push(record[key]);
              depths.push(depth + 1);
            }
          }
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

  /** Text of every scalar, booleans included: everything a field matcher could compare against (not folded). */
  scanTexts(): readonly string[] {
    const texts = this.leafTexts();
    return this.booleanTexts.length === 0 ? texts : [...texts, ...this.booleanTexts];
  }
}
