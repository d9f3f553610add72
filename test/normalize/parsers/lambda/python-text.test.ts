import { SKIP } from '../../../../src/normalize/parser';
import { pythonTextParser } from '../../../../src/normalize/parsers/lambda/python-text';
import { failedAs, parsedAs, parseLine, readLambdaEvent, TS } from './lambda-lines';

const PY = 'lambda-python';
const PRID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const WARNING_TEXT = 'LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code.';
const TRACEBACK = 'Traceback (most recent call last):\n  File "<code-dir>/app.py", line 22, in handler\n    for ev in payload["logEvents"]:';

describe('normalize: lambda Python text lines', () => {
  it.each(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'])('maps a [%s] line', (level) => {
    expect(parseLine(pythonTextParser, `[${level}]\t${TS}\t${PRID}\tnormalized 100 records`)).toStrictEqual(
      parsedAs(PY, { log: { level }, event: { created: TS }, faas: { execution: PRID }, message: 'normalized 100 records' }),
    );
  });

  it('maps the LAMBDA_WARNING line logged outside an invocation (empty request id)', () => {
    expect(parseLine(pythonTextParser, `[WARNING]\t${TS}\t\t${WARNING_TEXT}`)).toStrictEqual(
      parsedAs(PY, { log: { level: 'WARNING' }, event: { created: TS, action: 'lambda-warning' }, message: WARNING_TEXT }),
    );
  });

  const exception = parsedAs(PY, {
    event: { action: 'unhandled-exception', outcome: 'failure' },
    log: { level: 'ERROR' },
    message: "KeyError: 'logEvents'",
    error: { type: 'KeyError', message: "'logEvents'", stack_trace: TRACEBACK },
  });

  it('maps an unhandled exception with its traceback (lines joined with \\n, no-break-space indents)', () => {
    expect(parseLine(pythonTextParser, readLambdaEvent('python-traceback.txt'))).toStrictEqual(exception);
  });

  it('maps the same exception written to stdout (lines joined with \\r)', () => {
    expect(parseLine(pythonTextParser, readLambdaEvent('python-traceback.txt').replace(/\n/g, '\r'))).toStrictEqual(exception);
  });

  it('maps an import error as an init error', () => {
    const message = "Unable to import module 'app': No module named 'requests'";
    expect(parseLine(pythonTextParser, readLambdaEvent('python-import-error.txt'))).toStrictEqual(
      parsedAs(PY, {
        event: { action: 'unhandled-exception', outcome: 'failure' },
        log: { level: 'ERROR' },
        message: `Runtime.ImportModuleError: ${message}`,
        error: { type: 'Runtime.ImportModuleError', message, stack_trace: 'Traceback (most recent call last):' },
        aws: { lambda: { init_error: true } },
      }),
    );
  });

  it.each([
    ['an exception without a message', '[ERROR] KeyboardInterrupt', { type: 'KeyboardInterrupt' }, 'KeyboardInterrupt'],
    ['a multi-line exception message', "[ERROR] ValueError: bad input\nexpected 'a'\nTraceback (most recent call last):\n  File \"x.py\", line 1, in h", { type: 'ValueError', message: "bad input\nexpected 'a'", stack_trace: 'Traceback (most recent call last):\n  File "x.py", line 1, in h' }, "ValueError: bad input\nexpected 'a'"],
    ['a dotted exception type without traceback', '[ERROR] botocore.exceptions.ClientError: AccessDenied', { type: 'botocore.exceptions.ClientError', message: 'AccessDenied' }, 'botocore.exceptions.ClientError: AccessDenied'],
  ])('maps %s', (_name, text, error, message) => {
    expect(parseLine(pythonTextParser, text)).toStrictEqual(parsedAs(PY, { event: { action: 'unhandled-exception', outcome: 'failure' }, log: { level: 'ERROR' }, message, error }));
  });
});

describe('normalize: lambda Python text lines (rejected)', () => {
  it.each([
    ['the timestamp is not ISO', `[INFO]\tyesterday\t${PRID}\tx`, 'Python log line has no ISO timestamp after [INFO]: "yesterday"', { log: { level: 'INFO' } }],
    ['nothing follows the timestamp', `[INFO]\t${TS}`, 'Python log line has no tab after the timestamp', { log: { level: 'INFO' }, event: { created: TS } }],
    ['nothing follows the request id', `[INFO]\t${TS}\t${PRID}`, 'Python log line has no tab after the request id', { log: { level: 'INFO' }, event: { created: TS } }],
    ['the request id has spaces', `[INFO]\t${TS}\ta b\tx`, 'Python log line has an invalid request id "a b"', { log: { level: 'INFO' }, event: { created: TS } }],
  ])('fails with a precise reason when %s', (_name, text, error, fields) => {
    expect(parseLine(pythonTextParser, text)).toStrictEqual(failedAs(PY, error, fields));
  });

  it.each([
    ['a printed [ERROR] line that names no exception', '[ERROR] something bad happened: disk full'],
    ['a level separated by a space', '[INFO] starting'],
    ['an unknown level', '[NOTICE]\tx'],
    ['a bracketed word', '[1, 2, 3]'],
    ['a print() line', 'print output'],
  ])('skips %s', (_name, text) => {
    expect(parseLine(pythonTextParser, text)).toBe(SKIP);
  });
});
