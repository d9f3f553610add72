import type { LogParser, ParseInput, ParseOutcome } from '../../parser';
import { SKIP } from '../../parser';
import { type FieldTree, putField, quoteSnippet } from '../../field-tree';
import { failedOutcome, PARSER_NAMES, parsedOutcome } from './outcomes';
import { pythonExceptionOutcome } from './python-exception';
import { isIsoUtcTimestamp } from './timestamps';

const PYTHON_LEVELS: ReadonlySet<string> = new Set(['NOTSET', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']);
// The Python RIC logs this before an unhandled init exception (lambda_literals.py).
const LAMBDA_WARNING = 'LAMBDA_WARNING: ';

/**
 * Python text format (A5; RIC bootstrap.py `[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s`).
 * The request id is empty outside an invocation. `[LEVEL]\t` claims the line (a broken rest is
 * `failed`); `[ERROR] ` followed by an exception type is the unhandled-exception event.
 */
export const pythonTextParser: LogParser = {
  name: PARSER_NAMES.python,
  parse(input: ParseInput): ParseOutcome {
    const line = input.message;
    if (line.charCodeAt(0) !== 0x5b /* [ */) return SKIP;
    const close = line.indexOf(']', 1);
    if (close < 0 || close > 9 || !PYTHON_LEVELS.has(line.slice(1, close))) return SKIP;
    const level = line.slice(1, close);
    const separator = line.charCodeAt(close + 1);
    if (separator === 0x09 /* tab */) return parseLoggingLine(level, line.slice(close + 2));
    if (separator === 0x20 && level === 'ERROR') return pythonExceptionOutcome(line.slice(close + 2)) ?? SKIP;
    return SKIP;
  },
};

function parseLoggingLine(level: string, rest: string): ParseOutcome {
  const fields: FieldTree = {};
  putField(fields, 'log.level', level);
  const tab1 = rest.indexOf('\t');
  const timestamp = rest.slice(0, tab1 < 0 ? Math.min(rest.length, 40) : tab1);
  if (!isIsoUtcTimestamp(timestamp)) return failedOutcome(PARSER_NAMES.python, `Python log line has no ISO timestamp after [${level}]: ${quoteSnippet(timestamp)}`, fields);
  putField(fields, 'event.created', timestamp);
  if (tab1 < 0) return failedOutcome(PARSER_NAMES.python, 'Python log line has no tab after the timestamp', fields);
  const tab2 = rest.indexOf('\t', tab1 + 1);
  if (tab2 < 0) return failedOutcome(PARSER_NAMES.python, 'Python log line has no tab after the request id', fields);
  const requestId = rest.slice(tab1 + 1, tab2);
  if (!/^\S{0,128}$/.test(requestId)) return failedOutcome(PARSER_NAMES.python, `Python log line has an invalid request id ${quoteSnippet(requestId)}`, fields);
  putField(fields, 'faas.execution', requestId === '' ? undefined : requestId);
  const text = rest.slice(tab2 + 1);
  putField(fields, 'message', text);
  if (text.startsWith(LAMBDA_WARNING)) putField(fields, 'event.action', 'lambda-warning');
  return parsedOutcome(PARSER_NAMES.python, fields);
}
