import type { ParseOutcome } from '../../parser';
import { type FieldTree, putField } from '../../field-tree';
import { isInitErrorType } from './lambda-errors';
import { PARSER_NAMES, parsedOutcome } from './outcomes';

const TRACEBACK = 'Traceback (most recent call last):';
// An exception class name (`KeyError`, `Runtime.ImportModuleError`, `botocore.exceptions.ClientError`).
const EXCEPTION_TYPE = /^[A-Za-z_][\w.]{0,255}$/;
// The RIC indents traceback lines with no-break spaces (bootstrap.py ERROR_LOG_IDENT).
const NBSP_INDENT = /^\u00a0+/gm;

/**
 * The Python runtime's unhandled-exception event (A5; RIC bootstrap.py log_error):
 * `[ERROR] <Type>: <message>` then `Traceback (most recent call last):` and the frames, lines
 * joined with "\r" on stdout or "\n" through the telemetry descriptor. Returns undefined when the
 * text after `[ERROR] ` does not start with an exception type (a line printed by the function).
 */
export function pythonExceptionOutcome(body: string): ParseOutcome | undefined {
  const traceAt = findTraceback(body);
  const head = traceAt < 0 ? body.trimEnd() : body.slice(0, traceAt).trimEnd();
  const firstLineEnd = head.search(/[\r\n]/);
  const firstLine = firstLineEnd < 0 ? head : head.slice(0, firstLineEnd);
  const colon = firstLine.indexOf(': ');
  const type = colon < 0 ? firstLine : firstLine.slice(0, colon);
  if (!EXCEPTION_TYPE.test(type)) return undefined;
  const fields: FieldTree = {};
  putField(fields, 'event.action', 'unhandled-exception');
  putField(fields, 'event.outcome', 'failure');
  putField(fields, 'log.level', 'ERROR');
  putField(fields, 'message', head.replace(/\r\n?/g, '\n'));
  putField(fields, 'error.type', type);
  putField(fields, 'error.message', colon < 0 ? undefined : head.slice(colon + 2).replace(/\r\n?/g, '\n'));
  if (traceAt >= 0) {
    const trace = body.slice(traceAt).trimEnd().replace(/\r\n?/g, '\n');
    putField(fields, 'error.stack_trace', trace.replace(NBSP_INDENT, (indent) => ' '.repeat(indent.length)));
  }
  if (isInitErrorType(type)) putField(fields, 'aws.lambda.init_error', true);
  return parsedOutcome(PARSER_NAMES.python, fields);
}

/** Where the traceback block starts: the marker at the start of a line. */
function findTraceback(body: string): number {
  for (let at = body.indexOf(TRACEBACK); at >= 0; at = body.indexOf(TRACEBACK, at + 1)) {
    const before = body.charCodeAt(at - 1);
    if (before === 0x0a || before === 0x0d) return at;
  }
  return -1;
}
