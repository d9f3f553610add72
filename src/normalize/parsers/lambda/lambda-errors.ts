/**
 * What the runtimes' error types say about a failure (A4, A5, A7). Init errors are raised while
 * the function's module loads (Node src/Errors.js, Python bootstrap.py FaultException), so the
 * next invocation re-runs init; out-of-memory is reported as Runtime.OutOfMemory (A7, unverified).
 */
const INIT_ERROR_TYPES: ReadonlySet<string> = new Set([
  'Runtime.ImportModuleError',
  'Runtime.HandlerNotFound',
  'Runtime.MalformedHandlerName',
  'Runtime.UserCodeSyntaxError',
  'Runtime.BuiltInModuleConflict',
]);

export function isInitErrorType(errorType: string | undefined): boolean {
  return errorType !== undefined && INIT_ERROR_TYPES.has(errorType);
}

export function isOutOfMemoryErrorType(errorType: string | undefined): boolean {
  return errorType === 'Runtime.OutOfMemory';
}

/**
 * A stack trace as one text. Node gives an array of lines (`stack`, `stackTrace`); Python's
 * JSON `stackTrace` gives frames that already end with a newline; Powertools gives a string.
 */
export function joinStackTrace(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  let text = '';
  for (const frame of value) {
    if (typeof frame !== 'string') return undefined;
    if (text !== '' && !text.endsWith('\n')) text += '\n';
    text += frame;
  }
  return text.trimEnd();
}
