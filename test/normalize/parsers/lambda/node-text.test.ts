import { SKIP } from '../../../../src/normalize/parser';
import { nodeTextParser } from '../../../../src/normalize/parsers/lambda/node-text';
import { failedAs, parsedAs, parseLine, readLambdaEvent, RID, TS } from './lambda-lines';

const N = 'lambda-node';
const line = (requestId: string, level: string, text: string): string => `${TS}\t${requestId}\t${level}\t${text}`;

describe('normalize: lambda Node.js text lines', () => {
  it.each(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'])('maps a %s line', (level) => {
    expect(parseLine(nodeTextParser, line(RID, level, 'forwarded batch records=412 failed=0'))).toStrictEqual(
      parsedAs(N, { event: { created: TS }, log: { level }, faas: { execution: RID }, message: 'forwarded batch records=412 failed=0' }),
    );
  });

  it.each([
    ['an init line (request id "undefined")', line('undefined', 'INFO', 'loading config'), { event: { created: TS }, log: { level: 'INFO' }, message: 'loading config' }],
    ['a message with carriage returns (stdout)', line(RID, 'WARN', 'first\rsecond\rthird'), { event: { created: TS }, log: { level: 'WARN' }, faas: { execution: RID }, message: 'first\rsecond\rthird' }],
    ['a message with newlines (telemetry descriptor)', line(RID, 'INFO', 'first\nsecond\tcolumn'), { event: { created: TS }, log: { level: 'INFO' }, faas: { execution: RID }, message: 'first\nsecond\tcolumn' }],
    ['an empty console.log()', line(RID, 'INFO', ''), { event: { created: TS }, log: { level: 'INFO' }, faas: { execution: RID }, message: '' }],
    ['an ERROR that only mentions Invoke Error', line(RID, 'ERROR', 'Invoke Error rate is high'), { event: { created: TS }, log: { level: 'ERROR' }, faas: { execution: RID }, message: 'Invoke Error rate is high' }],
  ])('maps %s', (_name, text, fields) => {
    expect(parseLine(nodeTextParser, text)).toStrictEqual(parsedAs(N, fields));
  });

  it('maps an Invoke Error to error fields and a failed outcome', () => {
    const text = readLambdaEvent('node-invoke-error.txt');
    expect(parseLine(nodeTextParser, text)).toStrictEqual(
      parsedAs(N, {
        event: { created: '2025-11-28T18:03:31.456Z', action: 'invoke-error', outcome: 'failure' },
        log: { level: 'ERROR' },
        faas: { execution: RID },
        message: text.split('\t').slice(3).join('\t'),
        error: {
          type: 'TypeError',
          message: "Cannot read properties of undefined (reading 'data')",
          stack_trace: "TypeError: Cannot read properties of undefined (reading 'data')\n    at decode (<code-dir>/forwarder.js:41:27)\n    at Runtime.handler (<code-dir>/forwarder.js:12:18)",
        },
      }),
    );
  });

  it('maps an Uncaught Exception during init to an init error', () => {
    const payload = `{"errorType":"Runtime.UserCodeSyntaxError","errorMessage":"SyntaxError: Unexpected token '}'","stack":["Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token '}'","    at _loadUserApp (<runtime-dir>/index.mjs:1084:17)"]}`;
    expect(parseLine(nodeTextParser, `2025-11-28T18:03:10.901Z\tundefined\tERROR\tUncaught Exception \t${payload}`)).toStrictEqual(
      parsedAs(N, {
        event: { created: '2025-11-28T18:03:10.901Z', action: 'uncaught-exception', outcome: 'failure' },
        log: { level: 'ERROR' },
        message: `Uncaught Exception \t${payload}`,
        error: {
          type: 'Runtime.UserCodeSyntaxError',
          message: "SyntaxError: Unexpected token '}'",
          stack_trace: "Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token '}'\n    at _loadUserApp (<runtime-dir>/index.mjs:1084:17)",
        },
        aws: { lambda: { init_error: true } },
      }),
    );
  });

  it('maps an Unhandled Promise Rejection, keeping its other keys under json', () => {
    const outcome = parseLine(nodeTextParser, readLambdaEvent('node-unhandled-rejection.txt'));
    expect(outcome).toMatchObject({ kind: 'parsed', parser: N });
    expect(outcome.kind === 'parsed' && outcome.fields).toMatchObject({
      event: { created: '2025-11-28T18:03:32.001Z', action: 'unhandled-promise-rejection', outcome: 'failure' },
      faas: { execution: RID },
      error: { type: 'Runtime.UnhandledPromiseRejection', message: 'Error: socket hang up' },
      json: { reason: { errorType: 'Error', code: 'ECONNRESET' }, promise: {} },
    });
    expect(outcome.kind === 'parsed' && outcome.fields.aws).toBeUndefined();
  });

  it('maps the error code and reports duplicate keys of the payload', () => {
    const outcome = parseLine(nodeTextParser, line(RID, 'ERROR', 'Invoke Error \t{"errorType":"Error","errorMessage":"a","errorMessage":"b","code":"ERR_X","stack":[]}'));
    expect(outcome).toMatchObject({ kind: 'parsed', duplicateKeys: ['errorMessage'], fields: { error: { type: 'Error', message: 'b', code: 'ERR_X' }, json: { stack: [] } } });
  });
});

describe('normalize: lambda Node.js text lines (rejected)', () => {
  it.each([
    ['the line has no tab after the request id', `${TS}\t${RID}`, 'Node.js log line has no tab after the request id', { event: { created: TS } }],
    ['the level is unknown', line(RID, 'NOTICE', 'x'), 'Node.js log line has an unknown level "NOTICE"', { event: { created: TS } }],
    ['the request id is empty', line('', 'INFO', 'x'), 'Node.js log line has an invalid request id ""', { event: { created: TS } }],
  ])('fails with a precise reason when %s', (_name, text, error, fields) => {
    expect(parseLine(nodeTextParser, text)).toStrictEqual(failedAs(N, error, fields));
  });

  it('fails, keeping the fields read, when an Invoke Error payload is cut short', () => {
    const outcome = parseLine(nodeTextParser, line(RID, 'ERROR', 'Invoke Error \t{"errorType":"TypeError","errorMessage":"Cannot rea'));
    expect(outcome).toMatchObject({
      kind: 'failed',
      parser: N,
      error: expect.stringMatching(/^Invoke Error payload: invalid JSON: /) as unknown,
      fields: { event: { action: 'invoke-error', outcome: 'failure' }, log: { level: 'ERROR' }, faas: { execution: RID } },
    });
  });

  it('fails cleanly when an Uncaught Exception payload is nested 100,000 levels deep', () => {
    const outcome = parseLine(nodeTextParser, line('undefined', 'ERROR', `Uncaught Exception \t${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`));
    expect(outcome).toMatchObject({ kind: 'failed', error: 'Uncaught Exception payload: JSON nested deeper than 64 levels' });
  });

  it.each([
    ['a raw stdout write', 'raw write from process.stdout.write'],
    ['a Python line', `[INFO]\t${TS}\t${RID}\thello`],
    ['a Java log4j line', `2025-11-28 18:03:31 ${RID} INFO  Handler - received`],
    ['a timestamp followed by a space', `${TS} ${RID} Task timed out after 3.00 seconds`],
    ['a date without time', '2025-11-28\tsomething'],
  ])('skips %s', (_name, text) => {
    expect(parseLine(nodeTextParser, text)).toBe(SKIP);
  });
});
