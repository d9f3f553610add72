import { quoteSnippet } from '../../field-tree';
import type { LabelledFields, PlatformLabel } from './platform-labels';

// Bounded quantifiers: values are short, and a forged line must not make these slow.
const MILLISECONDS = /^(\d{1,12}(?:\.\d{1,6})?) ms$/;
const MEGABYTES = /^(\d{1,9}) MB$/;
const TOKEN = /^\S{1,512}$/;

/**
 * Reads typed values out of a platform line's fields. The first problem is kept (and reported
 * as the parse error); required reads then return a placeholder so callers can check once.
 */
export class PlatformValueReader {
  problem: string | undefined;

  constructor(
    private readonly fields: LabelledFields,
    private readonly line: string,
  ) {}

  /** A single token: request ids, versions, statuses, error types, ARNs. */
  token(label: PlatformLabel): string | undefined {
    return this.read(label, TOKEN, 'a single token', (m) => m[0]);
  }

  milliseconds(label: PlatformLabel): number | undefined {
    return this.read(label, MILLISECONDS, '"<number> ms"', (m) => Number(m[1]));
  }

  megabytes(label: PlatformLabel): number | undefined {
    return this.read(label, MEGABYTES, '"<number> MB"', (m) => Number(m[1]));
  }

  boolean(label: PlatformLabel): boolean | undefined {
    return this.read(label, /^(?:true|false)$/, 'true or false', (m) => m[0] === 'true');
  }

  requiredToken(label: PlatformLabel): string {
    return this.require(label, this.token(label)) ?? '';
  }

  requiredMilliseconds(label: PlatformLabel): number {
    return this.require(label, this.milliseconds(label)) ?? Number.NaN;
  }

  requiredMegabytes(label: PlatformLabel): number {
    return this.require(label, this.megabytes(label)) ?? Number.NaN;
  }

  private require<T>(label: PlatformLabel, value: T | undefined): T | undefined {
    if (value === undefined && !this.fields.has(label)) this.problem ??= `${this.line} line has no ${label} field`;
    return value;
  }

  private read<T>(label: PlatformLabel, pattern: RegExp, expected: string, convert: (m: RegExpExecArray) => T): T | undefined {
    const raw = this.fields.get(label);
    if (raw === undefined) return undefined;
    const match = pattern.exec(raw);
    if (match === null) {
      this.problem ??= `${this.line} ${label} is not ${expected}: ${quoteSnippet(raw)}`;
      return undefined;
    }
    return convert(match);
  }
}
