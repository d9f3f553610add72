import type { EventFields, ParseOutcome } from '../../parser';

/** The parser names this folder reports in `logwarden.parser`. */
export const PARSER_NAMES = {
  platform: 'lambda-platform',
  json: 'lambda-json',
  node: 'lambda-node',
  python: 'lambda-python',
  java: 'lambda-java',
  raw: 'raw',
} as const;

export function parsedOutcome(parser: string, fields: EventFields, duplicateKeys?: readonly string[]): ParseOutcome {
  return duplicateKeys !== undefined && duplicateKeys.length > 0
    ? { kind: 'parsed', parser, fields, duplicateKeys }
    : { kind: 'parsed', parser, fields };
}

/** A line in this parser's format that breaks it; `fields` keeps what was read before the break. */
export function failedOutcome(parser: string, error: string, fields?: EventFields): ParseOutcome {
  return fields === undefined ? { kind: 'failed', parser, error } : { kind: 'failed', parser, error, fields };
}
