import { SKIP } from '../../../../src/normalize/parser';
import { javaTextParser } from '../../../../src/normalize/parsers/lambda/java-text';
import { parsedAs, parseLine } from './lambda-lines';

const JV = 'lambda-java';
const JRID = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';

describe('normalize: lambda Java log4j lines', () => {
  it.each([
    [
      'the documented LambdaAppender pattern',
      `2025-11-28 18:03:31 ${JRID} INFO  Handler - received 100 records`,
      { event: { created: '2025-11-28T18:03:31.000Z' }, log: { level: 'INFO', logger: 'Handler' }, faas: { execution: JRID }, message: 'received 100 records' },
    ],
    [
      'the pattern with milliseconds and a multi-line message',
      `2025-11-28 18:03:31.123 ${JRID} ERROR Handler - failed\njava.lang.IllegalStateException: x\n\tat example.Handler.handleRequest(Handler.java:31)`,
      {
        event: { created: '2025-11-28T18:03:31.123Z' }, log: { level: 'ERROR', logger: 'Handler' }, faas: { execution: JRID },
        message: 'failed\njava.lang.IllegalStateException: x\n\tat example.Handler.handleRequest(Handler.java:31)',
      },
    ],
    [
      'comma milliseconds and a logger with its line number',
      `2025-11-28 18:03:31,123 ${JRID} WARN  Handler:25 - slow`,
      { event: { created: '2025-11-28T18:03:31.123Z' }, log: { level: 'WARN', logger: 'Handler', origin: { file: { line: 25 } } }, faas: { execution: JRID }, message: 'slow' },
    ],
    [
      'a line logged during init (no request id)',
      '2025-11-28 18:03:29  DEBUG Config - loaded',
      { event: { created: '2025-11-28T18:03:29.000Z' }, log: { level: 'DEBUG', logger: 'Config' }, message: 'loaded' },
    ],
  ])('maps %s', (_name, line, fields) => {
    expect(parseLine(javaTextParser, line)).toStrictEqual(parsedAs(JV, fields));
  });

  it.each([
    ['a Python logging default line', '2025-11-28 18:03:31,123 - app - INFO - hello'],
    ['a Node.js text line', `2025-11-28T18:03:31.123Z\t${JRID}\tINFO\thello`],
    ['a line without the " - " separator', `2025-11-28 18:03:31 ${JRID} INFO Handler received`],
    ['a System.out line', 'received 100 records'],
  ])('skips %s', (_name, line) => {
    expect(parseLine(javaTextParser, line)).toBe(SKIP);
  });
});
