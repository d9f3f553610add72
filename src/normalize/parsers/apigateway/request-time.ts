import { integerOf } from '../../field-tree';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `$context.requestTime` in CLF form, `28/Nov/2025:18:03:11 +0000` (A10 samples), as an ISO 8601
 * UTC time; undefined when the text is not exactly that shape. Read by position, no regex.
 */
export function isoFromRequestTime(text: string): string | undefined {
  if (text.length !== 26 || text[2] !== '/' || text[6] !== '/' || text[11] !== ':' || text[14] !== ':' || text[17] !== ':' || text[20] !== ' ') return undefined;
  const month = MONTHS.indexOf(text.slice(3, 6));
  const day = integerOf(text.slice(0, 2));
  const year = integerOf(text.slice(7, 11));
  const hour = integerOf(text.slice(12, 14));
  const minute = integerOf(text.slice(15, 17));
  const second = integerOf(text.slice(18, 20));
  const offset = integerOf(text.slice(22, 26));
  const sign = text[21] === '+' ? 1 : text[21] === '-' ? -1 : 0;
  if (month < 0 || sign === 0 || day === undefined || year === undefined || hour === undefined || minute === undefined || second === undefined || offset === undefined) return undefined;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const offsetMinutes = sign * (Math.floor(offset / 100) * 60 + (offset % 100));
  return new Date(Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60_000).toISOString();
}

/** `$context.requestTimeEpoch`: milliseconds since the epoch (seconds accepted when the number is too small to be milliseconds). */
export function isoFromEpoch(value: string): string | undefined {
  const number = integerOf(value);
  if (number === undefined || number > 9_999_999_999_999) return undefined;
  return new Date(number < 100_000_000_000 ? number * 1000 : number).toISOString();
}
