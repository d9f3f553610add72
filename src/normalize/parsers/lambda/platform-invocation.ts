import type { ParseOutcome } from '../../parser';
import { type FieldTree, putField, quoteSnippet } from '../../field-tree';
import { failedOutcome, PARSER_NAMES, parsedOutcome } from './outcomes';
import { type PlatformLabel, scanLabelledFields } from './platform-labels';
import { PlatformValueReader } from './platform-values';

const START_LABELS: ReadonlySet<PlatformLabel> = new Set(['RequestId', 'Version']);
const END_LABELS: ReadonlySet<PlatformLabel> = new Set(['RequestId']);

/** `START RequestId: <id> Version: <version>` and `END RequestId: <id>` (A3). */
export function parseStartOrEnd(line: 'START' | 'END', body: string): ParseOutcome {
  const action = line === 'START' ? 'start' : 'end';
  const fields: FieldTree = {};
  putField(fields, 'event.action', action);
  const scanned = scanLabelledFields(body, line === 'START' ? START_LABELS : END_LABELS, line);
  if (typeof scanned === 'string') return failedOutcome(PARSER_NAMES.platform, scanned, fields);
  const read = new PlatformValueReader(scanned, line);
  putField(fields, 'faas.execution', read.token('RequestId'));
  putField(fields, 'aws.lambda.version', read.token('Version'));
  read.requiredToken('RequestId');
  return read.problem === undefined ? parsedOutcome(PARSER_NAMES.platform, fields) : failedOutcome(PARSER_NAMES.platform, read.problem, fields);
}

// A3: `<ISO timestamp> <requestId> Task timed out after 30.03 seconds`, separators whitespace-tolerant.
const TIMEOUT_PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)[ \t]{1,8}(\S{1,128})[ \t]{1,8}Task timed out after /;
const TIMEOUT_SECONDS = /^(\d{1,9}(?:\.\d{1,6})?) seconds$/;

/** The timeout line, or undefined when the line does not start like one. */
export function parseTimeoutLine(message: string): ParseOutcome | undefined {
  const prefix = TIMEOUT_PREFIX.exec(message);
  if (prefix === null) return undefined;
  const fields: FieldTree = {};
  putField(fields, 'event.action', 'timeout');
  putField(fields, 'event.outcome', 'failure');
  putField(fields, 'event.created', prefix[1]);
  putField(fields, 'log.level', 'ERROR');
  putField(fields, 'faas.execution', prefix[2]);
  putField(fields, 'aws.lambda.status', 'timeout');
  const rest = message.slice(prefix[0].length).trimEnd();
  const seconds = TIMEOUT_SECONDS.exec(rest);
  if (seconds === null) return failedOutcome(PARSER_NAMES.platform, `timeout line does not end with "<number> seconds": ${quoteSnippet(rest)}`, fields);
  const value = Number(seconds[1]);
  putField(fields, 'event.duration', Math.round(value * 1e9));
  putField(fields, 'error.message', `Task timed out after ${seconds[1]} seconds`);
  putField(fields, 'aws.lambda.timeout_seconds', value);
  return parsedOutcome(PARSER_NAMES.platform, fields);
}
