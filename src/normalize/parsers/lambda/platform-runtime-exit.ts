import type { ParseOutcome } from '../../parser';
import { type FieldTree, putField } from '../../field-tree';
import { PARSER_NAMES, parsedOutcome } from './outcomes';

// `RequestId: <id> Error: Runtime exited with error: signal: killed` or `… Runtime exited
// without providing a reason`, then (after a newline or a space) the error type, e.g.
// `Runtime.ExitError` or `Runtime.OutOfMemory`: what Lambda writes when the runtime process
// dies during an invocation (out of memory, a crash, process.exit).
const RUNTIME_EXIT = /^RequestId: (\S{1,128}) Error: (Runtime exited (?:with error: [^\r\n]{1,200}?|without providing a reason))(?:[\s]+(Runtime\.[A-Za-z]{1,64}))?\s*$/;

/** The runtime-exit line, or undefined when the line is not one. */
export function parseRuntimeExitLine(message: string): ParseOutcome | undefined {
  const match = RUNTIME_EXIT.exec(message);
  if (match === null) return undefined;
  const [, requestId, reason, errorType] = match;
  const fields: FieldTree = {};
  putField(fields, 'event.action', 'runtime-exit');
  putField(fields, 'event.outcome', 'failure');
  putField(fields, 'log.level', 'ERROR');
  putField(fields, 'faas.execution', requestId);
  putField(fields, 'error.message', reason);
  putField(fields, 'error.type', errorType);
  putField(fields, 'aws.lambda.status', 'error');
  putField(fields, 'aws.lambda.error_type', errorType);
  return parsedOutcome(PARSER_NAMES.platform, fields);
}
