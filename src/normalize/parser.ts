import type { LogRecord } from '../schemas/log-record';
import type { NormalizeConfig } from './config';

/**
 * Fields a parser contributes to the normalized event, in ECS layout (nested objects, e.g.
 * `{ log: { level: 'ERROR' }, faas: { execution: '…' } }`). They are merged into the base event
 * built from the envelope: objects merge key by key, anything else replaces.
 */
export type EventFields = { readonly [key: string]: unknown };

export interface ParseInput {
  /** The message with its trailing line break removed. */
  readonly message: string;
  readonly record: LogRecord;
  readonly config: NormalizeConfig;
}

export type ParseOutcome =
  /** The line is in this parser's format. */
  | { readonly kind: 'parsed'; readonly parser: string; readonly fields: EventFields; readonly duplicateKeys?: readonly string[] }
  /** The line should be in this format (the source says so) but is not: kept with the reason. */
  | { readonly kind: 'failed'; readonly parser: string; readonly error: string; readonly fields?: EventFields; readonly duplicateKeys?: readonly string[] }
  /** Not this parser's format: try the next one. */
  | { readonly kind: 'skip' };

export const SKIP: ParseOutcome = { kind: 'skip' };

/** One log format. Parsers are pure functions of their input: no I/O, no clock, no randomness. */
export interface LogParser {
  readonly name: string;
  parse(input: ParseInput): ParseOutcome;
}
