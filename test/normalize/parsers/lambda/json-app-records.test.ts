import { jsonFormatParser } from '../../../../src/normalize/parsers/lambda/json-format';
import { parsedAs, parseLine, readLambdaEvent, RID, TS } from './lambda-lines';

const J = 'lambda-json';
const TRACE_ID = '1-6749f2a3-5d2c1b0a9f8e7d6c5b4a3928';

describe('normalize: lambda JSON application records', () => {
  it.each([
    [
      'a Node.js record whose message is an object',
      `{"timestamp":"${TS}","level":"INFO","requestId":"${RID}","message":{"stage":"forward","records":412,"failed":0}}`,
      { log: { level: 'INFO' }, message: '{"stage":"forward","records":412,"failed":0}', event: { created: TS }, faas: { execution: RID }, json: { message: { stage: 'forward', records: 412, failed: 0 } } },
    ],
    [
      'a Node.js record with a tenant id',
      `{"timestamp":"${TS}","level":"DEBUG","requestId":"${RID}","tenantId":"tenant-42","message":"cache miss"}`,
      { log: { level: 'DEBUG' }, message: 'cache miss', event: { created: TS }, faas: { execution: RID }, aws: { lambda: { tenant_id: 'tenant-42' } } },
    ],
    [
      'a Node.js record that logged an Error among other arguments',
      `{"timestamp":"${TS}","level":"ERROR","requestId":"${RID}","message":"decode failed TypeError: boom","errorType":"TypeError","errorMessage":"boom","stackTrace":["TypeError: boom","    at decode (<code-dir>/index.js:3:9)"]}`,
      {
        log: { level: 'ERROR' }, message: 'decode failed TypeError: boom', event: { created: TS }, faas: { execution: RID },
        error: { type: 'TypeError', message: 'boom', stack_trace: 'TypeError: boom\n    at decode (<code-dir>/index.js:3:9)' },
      },
    ],
    [
      'a Node.js record that logged an Error alone (how JSON format logs an Invoke Error)',
      `{"timestamp":"${TS}","level":"ERROR","requestId":"${RID}","message":{"errorType":"TypeError","errorMessage":"boom","stackTrace":["TypeError: boom"]}}`,
      {
        log: { level: 'ERROR' }, message: '{"errorType":"TypeError","errorMessage":"boom","stackTrace":["TypeError: boom"]}', event: { created: TS }, faas: { execution: RID },
        error: { type: 'TypeError', message: 'boom', stack_trace: 'TypeError: boom' },
        json: { message: { errorType: 'TypeError', errorMessage: 'boom', stackTrace: ['TypeError: boom'] } },
      },
    ],
    [
      'a Python record with logger and extra fields',
      `{"timestamp":"2025-11-28T18:03:31.778Z","level":"WARNING","message":"slow batch","logger":"normalizer","requestId":"${RID}","batch":7}`,
      { log: { level: 'WARNING', logger: 'normalizer' }, message: 'slow batch', event: { created: '2025-11-28T18:03:31.778Z' }, faas: { execution: RID }, json: { batch: 7 } },
    ],
    [
      'a Python record with an exception',
      `{"timestamp":"${TS}","level":"ERROR","message":"decode failed","logger":"root","stackTrace":["  File \\"<code-dir>/app.py\\", line 22, in handler\\n    for ev in payload[\\"logEvents\\"]:\\n"],"errorType":"KeyError","errorMessage":"'logEvents'","requestId":"${RID}","location":"<code-dir>/app.py:handler:22"}`,
      {
        log: { level: 'ERROR', logger: 'root' }, message: 'decode failed', event: { created: TS }, faas: { execution: RID },
        error: { type: 'KeyError', message: "'logEvents'", stack_trace: '  File "<code-dir>/app.py", line 22, in handler\n    for ev in payload["logEvents"]:' },
        json: { location: '<code-dir>/app.py:handler:22' },
      },
    ],
    [
      "Python's unhandled exception in JSON format (no message, time without zone)",
      `{"timestamp":"2025-11-28T18:03:31","level":"ERROR","errorMessage":"'logEvents'","errorType":"KeyError","requestId":"${RID}","stackTrace":["  File \\"<code-dir>/app.py\\", line 22, in handler\\n"]}`,
      {
        log: { level: 'ERROR' }, message: "'logEvents'", event: { created: '2025-11-28T18:03:31.000Z', outcome: 'failure' }, faas: { execution: RID },
        error: { type: 'KeyError', message: "'logEvents'", stack_trace: '  File "<code-dir>/app.py", line 22, in handler' },
      },
    ],
    [
      "Python's import error in JSON format (an init error)",
      `{"timestamp":"2025-11-28T18:03:10","level":"ERROR","errorMessage":"Unable to import module 'app': No module named 'requests'","errorType":"Runtime.ImportModuleError","requestId":"","stackTrace":[]}`,
      {
        log: { level: 'ERROR' }, message: "Unable to import module 'app': No module named 'requests'", event: { created: '2025-11-28T18:03:10.000Z', outcome: 'failure' },
        error: { type: 'Runtime.ImportModuleError', message: "Unable to import module 'app': No module named 'requests'" },
        aws: { lambda: { init_error: true } },
        json: { requestId: '', stackTrace: [] },
      },
    ],
    [
      'a Java record (log4j JSON layout)',
      `{"timestamp":"${TS}","level":"INFO","message":"received 100 records","logger":"example.Handler","AWSRequestId":"${RID}"}`,
      { log: { level: 'INFO', logger: 'example.Handler' }, message: 'received 100 records', event: { created: TS }, faas: { execution: RID } },
    ],
    [
      'a Powertools record with custom keys',
      `{"level":"INFO","message":"order accepted","timestamp":"${TS}","service":"orders","cold_start":true,"function_arn":"arn:aws:lambda:eu-west-1:111122223333:function:orders-api","function_memory_size":512,"function_name":"orders-api","function_request_id":"${RID}","sampling_rate":0,"xray_trace_id":"${TRACE_ID}","orderId":"81723"}`,
      {
        log: { level: 'INFO' }, message: 'order accepted', event: { created: TS }, service: { name: 'orders' }, faas: { execution: RID, coldstart: true }, trace: { id: TRACE_ID },
        json: { function_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-api', function_memory_size: 512, function_name: 'orders-api', sampling_rate: 0, orderId: '81723' },
      },
    ],
    [
      'a pino record (numeric level, epoch time, msg)',
      '{"level":30,"time":1764353011123,"pid":8,"hostname":"169.254.12.1","msg":"listening"}',
      { log: { level: 'INFO' }, message: 'listening', event: { created: TS }, json: { pid: 8, hostname: '169.254.12.1' } },
    ],
    [
      'a pino record with an err object',
      '{"level":50,"time":1764353011123,"msg":"request failed","err":{"type":"Error","message":"boom","stack":"Error: boom\\n    at x (<code-dir>/a.js:1:1)"}}',
      { log: { level: 'ERROR' }, message: 'request failed', event: { created: TS }, error: { type: 'Error', message: 'boom', stack_trace: 'Error: boom\n    at x (<code-dir>/a.js:1:1)' } },
    ],
    ['a winston record', '{"level":"warn","message":"slow","durationMs":812}', { log: { level: 'WARN' }, message: 'slow', json: { durationMs: 812 } }],
    ['a record with severity and an error text', '{"severity":"error","msg":"upload failed","error":"connection reset"}', { log: { level: 'ERROR' }, message: 'upload failed', error: { message: 'connection reset' } }],
    ['a record with no known key', '{"a":1,"b":{"c":[1,2]}}', { json: { a: 1, b: { c: [1, 2] } } }],
    ['an empty object', '{}', {}],
    [
      'values of the wrong type, which stay under json',
      '{"level":{"n":3},"message":null,"timestamp":"yesterday","requestId":7,"service":["a"],"cold_start":"yes","stackTrace":[1,2]}',
      { json: { level: { n: 3 }, message: null, timestamp: 'yesterday', requestId: 7, service: ['a'], cold_start: 'yes', stackTrace: [1, 2] } },
    ],
    [
      'several spellings of one field (the best is mapped)',
      '{"msg":"second","message":"first","lvl":"debug","level":"info"}',
      { log: { level: 'INFO' }, message: 'first', json: { msg: 'second', lvl: 'debug' } },
    ],
  ])('maps %s', (_name, line, fields) => {
    expect(parseLine(jsonFormatParser, line)).toStrictEqual(parsedAs(J, fields));
  });

  it("maps Java's unhandled-exception JSON as a failure, keeping its cause", () => {
    expect(parseLine(jsonFormatParser, readLambdaEvent('java-error.json'))).toStrictEqual(
      parsedAs(J, {
        log: { level: 'ERROR' },
        message: 'Index 3 out of bounds for length 3',
        event: { outcome: 'failure' },
        error: {
          type: 'java.lang.ArrayIndexOutOfBoundsException',
          message: 'Index 3 out of bounds for length 3',
          stack_trace: 'example.Handler.handleRequest(Handler.java:31)\njava.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(Unknown Source)',
        },
        json: { cause: { errorMessage: 'bad index', errorType: 'java.lang.IllegalStateException', stackTrace: ['example.Parser.parse(Parser.java:12)'] } },
      }),
    );
  });

  it('maps a Powertools error record, keeping the error keys it does not map', () => {
    expect(parseLine(jsonFormatParser, readLambdaEvent('powertools-error.json'))).toStrictEqual(
      parsedAs(J, {
        log: { level: 'ERROR' },
        message: 'payment failed',
        event: { created: TS },
        service: { name: 'payments' },
        faas: { execution: RID, coldstart: false },
        trace: { id: TRACE_ID },
        error: { type: 'PaymentError', message: 'card declined', stack_trace: 'PaymentError: card declined\n    at charge (<code-dir>/index.js:10:11)', code: 'E_DECLINED' },
        json: {
          function_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:payments', function_memory_size: '512', function_name: 'payments', sampling_rate: 0,
          error: { location: '<code-dir>/index.js:10', retryable: false },
          orderId: '81723',
        },
      }),
    );
  });

  it('maps a Powertools for Python exception record and its comma-millisecond time', () => {
    expect(parseLine(jsonFormatParser, readLambdaEvent('powertools-python-exception.json'))).toStrictEqual(
      parsedAs(J, {
        log: { level: 'ERROR' },
        message: 'could not charge',
        event: { created: TS },
        service: { name: 'payment' },
        faas: { execution: RID, coldstart: true },
        trace: { id: TRACE_ID },
        error: { type: 'ValueError', stack_trace: 'Traceback (most recent call last):\n  File "<code-dir>/app.py", line 12, in handler\n    charge(order)\nValueError: bad amount' },
        json: { location: 'handler:12', function_name: 'payment', function_memory_size: 128, function_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:payment' },
      }),
    );
  });

  it('reports duplicate keys and maps neither copy when a key occurs twice', () => {
    expect(parseLine(jsonFormatParser, '{"level":"INFO","message":"ok","level":"ERROR","user":{"id":1,"id":2}}')).toStrictEqual(
      parsedAs(J, { message: 'ok', json: { level: 'ERROR', user: { id: 2 } } }, ['level', 'user.id']),
    );
  });

  it('renames prototype keys instead of letting them reach an object prototype', () => {
    const outcome = parseLine(jsonFormatParser, '{"__proto__":{"polluted":true},"message":"x","constructor":{"prototype":{"polluted":true}}}');
    expect(outcome).toStrictEqual(parsedAs(J, { message: 'x', json: { __proto___: { polluted: true }, constructor_: { prototype_: { polluted: true } } } }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
