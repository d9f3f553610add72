import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_NORMALIZE_CONFIG } from '../../../../src/normalize/config';
import type { LogParser, ParseInput, ParseOutcome } from '../../../../src/normalize/parser';
import { LAMBDA_PARSERS } from '../../../../src/normalize/parsers/lambda';
import type { LogRecord } from '../../../../src/schemas/log-record';

/** Request ids used across the samples (A3–A6). */
export const RID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
export const TS = '2025-11-28T18:03:31.123Z';

/** A log record from a Lambda log group, as the forward stage writes it (A1 envelope). */
export function lambdaRecord(message: string, overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    v: 1,
    owner: '111122223333',
    logGroup: '/aws/lambda/orders-api',
    logStream: '2025/11/28/[$LATEST]5f1c0d9e3a7b4c2d8e6f0a1b2c3d4e5f',
    subscriptionFilters: ['siem-forward'],
    id: '38313418839012867455930412457416470391848265717092220928',
    timestamp: 1764353011123,
    message,
    ...overrides,
  };
}

export function lambdaInput(message: string): ParseInput {
  return { message, record: lambdaRecord(message), config: DEFAULT_NORMALIZE_CONFIG };
}

export function parseLine(parser: LogParser, message: string): ParseOutcome {
  return parser.parse(lambdaInput(message));
}

/** What the orchestrator does with the Lambda parsers: the first outcome that is not `skip`. */
export function parseWithLambdaParsers(message: string): ParseOutcome {
  for (const parser of LAMBDA_PARSERS) {
    const outcome = parser.parse(lambdaInput(message));
    if (outcome.kind !== 'skip') return outcome;
  }
  throw new Error('no Lambda parser took the line (raw must take every line)');
}

/** A sample under test/events/lambda, without the file's final newline (as the orchestrator strips it). */
export function readLambdaEvent(name: string): string {
  return readFileSync(join(__dirname, '../../../events/lambda', name), 'utf8').replace(/\n$/, '');
}

/** A `parsed` outcome of the given parser with exactly these fields. */
export function parsedAs(parser: string, fields: Record<string, unknown>, duplicateKeys?: string[]): ParseOutcome {
  return duplicateKeys === undefined ? { kind: 'parsed', parser, fields } : { kind: 'parsed', parser, fields, duplicateKeys };
}

export function failedAs(parser: string, error: string, fields?: Record<string, unknown>): ParseOutcome {
  return fields === undefined ? { kind: 'failed', parser, error } : { kind: 'failed', parser, error, fields };
}
