import { splitPath } from '../../field-tree';

/** A JSON object from parseJsonSafely (unsafe keys already renamed). */
export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads typed values at dotted paths of a JSON record (`record.metrics.durationMs`). A value of
 * the wrong type is a problem (the first is kept for the parse error); a missing optional value
 * is not. Required reads return a placeholder so callers check `problem` once.
 */
export class JsonValueReader {
  problem: string | undefined;

  constructor(
    private readonly root: JsonObject,
    private readonly where: string,
  ) {}

  string(path: string): string | undefined {
    return this.typed(path, 'a string', (v): v is string => typeof v === 'string');
  }

  number(path: string): number | undefined {
    return this.typed(path, 'a number', (v): v is number => typeof v === 'number' && Number.isFinite(v));
  }

  stringArray(path: string): readonly string[] | undefined {
    return this.typed(path, 'an array of strings', (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string'));
  }

  object(path: string): JsonObject | undefined {
    return this.typed(path, 'an object', isJsonObject);
  }

  requiredString(path: string): string {
    return this.required(path, this.string(path)) ?? '';
  }

  requiredNumber(path: string): number {
    return this.required(path, this.number(path)) ?? Number.NaN;
  }

  private required<T>(path: string, value: T | undefined): T | undefined {
    // A value of the wrong type has already been reported by `typed`; `??=` keeps that problem.
    if (value === undefined) this.problem ??= `${this.where} has no ${path}`;
    return value;
  }

  private typed<T>(path: string, expected: string, isType: (value: unknown) => value is T): T | undefined {
    const value = this.at(path);
    if (value === undefined || value === null) return undefined;
    if (isType(value)) return value;
    this.problem ??= `${this.where} ${path} is not ${expected}`;
    return undefined;
  }

  private at(path: string): unknown {
    let node: unknown = this.root;
    for (const key of splitPath(path)) {
      if (!isJsonObject(node) || !Object.hasOwn(node, key)) return undefined;
      node = node[key];
    }
    return node;
  }
}

/** Removes and returns `object[key]` when `convert` accepts it; leaves it in place otherwise. */
export function takeValue<T>(object: JsonObject, key: string, convert: (value: unknown) => T | undefined): T | undefined {
  const value = Object.hasOwn(object, key) ? convert(object[key]) : undefined;
  if (value !== undefined) delete object[key];
  return value;
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function errorCodeText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
