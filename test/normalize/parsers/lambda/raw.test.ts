import { rawParser } from '../../../../src/normalize/parsers/lambda/raw';
import { parsedAs, parseLine } from './lambda-lines';

describe('normalize: lambda raw lines', () => {
  it.each([
    ['a print() line', 'hello from print()'],
    ['an empty line', ''],
    ['a JSON array', '[1,2,3]'],
    ['binary bytes', '\u0000\u0001\ufffd\ud800'],
  ])('keeps %s with no fields of its own', (_name, line) => {
    expect(parseLine(rawParser, line)).toStrictEqual(parsedAs('raw', {}));
  });

  it('returns an outcome no caller can change', () => {
    const outcome = parseLine(rawParser, 'x');
    expect(Object.isFrozen(outcome)).toBe(true);
    expect(outcome.kind === 'parsed' && Object.isFrozen(outcome.fields)).toBe(true);
  });
});
