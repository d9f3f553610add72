import type { EventFields, ParseOutcome } from '../../../../src/normalize/parser';
import { APPLICATION_PARSERS } from '../../../../src/normalize/parsers/application';
import { parseInput } from '../parser-inputs';

/** Runs the generic parsers in order, as `normalize` does: the first outcome that is not `skip`. */
function parse(message: string): ParseOutcome {
  const input = parseInput(message, { logGroup: '/ecs/orders-api' });
  for (const parser of APPLICATION_PARSERS) {
    const outcome = parser.parse(input);
    if (outcome.kind !== 'skip') return outcome;
  }
  throw new Error('the last application parser must not skip');
}

const JSON_CASES: readonly { when: string; line: string; fields: EventFields }[] = [
  {
    when: 'a pino line has a numeric level and msg',
    line: '{"level":30,"time":1764352991000,"pid":8,"hostname":"ip-10-0-0-1","msg":"order created","orderId":"o-1"}',
    fields: { log: { level: 'INFO' }, message: 'order created', json: { time: 1764352991000, pid: 8, hostname: 'ip-10-0-0-1', orderId: 'o-1' } },
  },
  {
    when: 'a winston line has an error object',
    line: '{"level":"error","message":"payment failed","error":{"name":"CardError","message":"card declined","stack":"CardError: card declined\\n    at charge (/app/pay.js:10:5)","code":"E_DECLINED"},"service":"payments"}',
    fields: {
      log: { level: 'ERROR' }, message: 'payment failed',
      error: { message: 'card declined', type: 'CardError', stack_trace: 'CardError: card declined\n    at charge (/app/pay.js:10:5)', code: 'E_DECLINED' },
      json: { error: { name: 'CardError', message: 'card declined', stack: 'CardError: card declined\n    at charge (/app/pay.js:10:5)', code: 'E_DECLINED' }, service: 'payments' },
    },
  },
  {
    when: 'a Python JSON line has levelname and logger',
    line: '{"levelname":"WARNING","logger":"app.db","message":"slow query","duration_ms":1530}',
    fields: { log: { level: 'WARNING', logger: 'app.db' }, message: 'slow query', json: { duration_ms: 1530 } },
  },
  {
    when: 'a Java unhandled exception has top-level errorMessage, errorType and stackTrace (A5)',
    line: '{"errorMessage":"Index 3 out of bounds for length 3","errorType":"java.lang.ArrayIndexOutOfBoundsException","stackTrace":["example.Handler.handleRequest(Handler.java:31)","java.base/java.util.ArrayList.get(ArrayList.java:427)"]}',
    fields: { error: { message: 'Index 3 out of bounds for length 3', type: 'java.lang.ArrayIndexOutOfBoundsException', stack_trace: 'example.Handler.handleRequest(Handler.java:31)\njava.base/java.util.ArrayList.get(ArrayList.java:427)' } },
  },
  {
    when: 'the message is an object (Lambda JSON format, A6)',
    line: '{"timestamp":"2025-11-28T18:03:31.123Z","level":"INFO","requestId":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","message":{"stage":"forward","records":412,"failed":0}}',
    fields: { log: { level: 'INFO' }, json: { timestamp: '2025-11-28T18:03:31.123Z', requestId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', message: { stage: 'forward', records: 412, failed: 0 } } },
  },
  {
    when: 'the keys are severity, msg and a string err',
    line: '{"severity":"CRITICAL","msg":"disk full","err":"ENOSPC"}',
    fields: { log: { level: 'CRITICAL' }, message: 'disk full', error: { message: 'ENOSPC' } },
  },
  {
    when: 'the line claims fields the pipeline owns',
    line: '{"msg":"x","logwarden":{"source":"cloudtrail"},"event":{"id":"1"},"cloud":{"account":{"id":"999999999999"}},"aws":{"cloudwatch":{"owner":"999999999999"}},"_id":"forced"}',
    fields: { message: 'x', json: { logwarden: { source: 'cloudtrail' }, event: { id: '1' }, cloud: { account: { id: '999999999999' } }, aws: { cloudwatch: { owner: '999999999999' } }, _id_: 'forced' } },
  },
];

const TEXT_CASES: readonly { when: string; line: string; parser: string; fields: EventFields }[] = [
  {
    when: 'an RFC 5424 syslog line has a header', parser: 'application-syslog',
    line: '<34>1 2025-11-28T18:03:11.003Z web-1 sshd 4123 ID47 - Failed password for root from 203.0.113.5 port 22 ssh2',
    fields: {
      log: { level: 'CRITICAL', syslog: { priority: 34, severity: { code: 2, name: 'critical' }, facility: { code: 4, name: 'auth' }, version: '1', hostname: 'web-1', appname: 'sshd', procid: '4123', msgid: 'ID47' } },
      process: { name: 'sshd', pid: 4123 },
    },
  },
  {
    when: 'an RFC 3164 line has a priority and a tag without pid', parser: 'application-syslog',
    line: '<13>Nov 28 18:03:11 web-1 app: started',
    fields: { log: { level: 'NOTICE', syslog: { priority: 13, severity: { code: 5, name: 'notice' }, facility: { code: 1, name: 'user' }, hostname: 'web-1', appname: 'app' } }, process: { name: 'app' } },
  },
  {
    when: 'a /var/log/secure line has no priority', parser: 'application-syslog',
    line: 'Nov 28 18:03:11 ip-10-0-0-12 sshd[1234]: Accepted publickey for ec2-user from 203.0.113.5 port 50022 ssh2',
    fields: { log: { syslog: { hostname: 'ip-10-0-0-12', appname: 'sshd', procid: '1234' } }, process: { name: 'sshd', pid: 1234 } },
  },
  {
    when: 'the syslog day is space-padded', parser: 'application-syslog',
    line: 'Nov  8 03:00:01 ip-10-0-0-12 CRON[99]: (root) CMD (run-parts /etc/cron.hourly)',
    fields: { log: { syslog: { hostname: 'ip-10-0-0-12', appname: 'CRON', procid: '99' } }, process: { name: 'CRON', pid: 99 } },
  },
  { when: 'an ISO timestamp is followed by the level', parser: 'application-text', line: '2025-11-28T18:03:31.123Z INFO order created', fields: { log: { level: 'INFO' } } },
  { when: 'a Python logging line has a thread before the level', parser: 'application-text', line: '2025-11-28 18:03:31,123 [main] ERROR db - connection lost', fields: { log: { level: 'ERROR' } } },
  { when: 'a request id sits between the timestamp and the level (tabs)', parser: 'application-text', line: '2025-11-28T18:03:31.123Z\t0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\tWARN\tslow', fields: { log: { level: 'WARN' } } },
  { when: 'the timestamp has an offset and the level a colon', parser: 'application-text', line: '2025-11-28T18:03:31+02:00 warn: disk 91% full', fields: { log: { level: 'WARN' } } },
  { when: 'the line starts with a bracketed level', parser: 'application-text', line: '[DEBUG] cache miss for key orders:42', fields: { log: { level: 'DEBUG' } } },
  { when: 'the line starts with an upper-case level and a colon', parser: 'application-text', line: 'ERROR: connection refused', fields: { log: { level: 'ERROR' } } },
];

describe('normalize: application logs', () => {
  it.each(JSON_CASES)('maps level, message and error keys and keeps the rest under json when $when', ({ line, fields }) => {
    expect(parse(line)).toEqual({ kind: 'parsed', parser: 'application-json', fields });
  });

  it('reports duplicate keys and maps neither value when a key occurs twice', () => {
    expect(parse('{"level":"info","msg":"login ok","user":"x","level":"error"}')).toEqual({
      kind: 'parsed',
      parser: 'application-json',
      duplicateKeys: ['level'],
      fields: { message: 'login ok', json: { level: 'error', user: 'x' } },
    });
  });

  it.each(TEXT_CASES)('reads the level from the start of the line when $when', ({ line, parser, fields }) => {
    expect(parse(line)).toEqual({ kind: 'parsed', parser, fields });
  });

  let seed = 17;
  const garbage = Array.from({ length: 4096 }, () => String.fromCharCode((seed = (seed * 48271) % 2147483647) % 256)).join('');
  it.each([
    ['the text has no level', 'order o-1 created'],
    ['a capitalised word only looks like a level', 'Info about the order'],
    ['a timestamp is followed by no level', '2025-11-28T18:03:31Z order created'],
    ['the JSON is invalid', '{not json'],
    ['the JSON is truncated', '{"level":"info","msg":"ord'],
    ['the JSON is an array', '[1,2,3]'],
    ['the JSON nests 100,000 levels', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['the syslog priority is out of range', '<999>Nov 28 18:03:11 web-1 app: started'],
    ['the line is empty', ''],
    ['the line is binary garbage', garbage],
    ['the line is 1 MB of text', 'a'.repeat(1 << 20)],
  ])('keeps the line raw, without failing, when %s', (_when, line) => {
    expect(parse(line)).toEqual({ kind: 'parsed', parser: 'raw', fields: {} });
  });

  it('parses a 1 MB JSON line', () => {
    const line = JSON.stringify({ level: 'info', msg: 'big', payload: 'p'.repeat(1 << 20) });
    expect(parse(line)).toMatchObject({ kind: 'parsed', parser: 'application-json', fields: { log: { level: 'INFO' }, message: 'big' } });
  });
});
