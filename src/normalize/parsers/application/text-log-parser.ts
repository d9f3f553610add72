import { SKIP, type LogParser, type ParseOutcome } from '../../parser';
import { levelWord } from './log-levels';

const PARSER = 'application-text';

/**
 * Text lines that state their level up front, the shapes most loggers print:
 *   `2025-11-28T18:03:31.123Z INFO …`, `2025-11-28 18:03:31,123 [main] ERROR …` (the level may
 *   follow one token such as a thread or request id), `[WARN] …`, `ERROR: …`.
 * Only the first few tokens are looked at, by position: the cost does not grow with the line.
 * The message is kept as it is; the parser adds `log.level`.
 */
export const TEXT_LOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message }): ParseOutcome {
    const afterTime = timestampEnd(message);
    const level = afterTime < 0 ? leadingLevel(message) : levelAfterTimestamp(message, afterTime);
    return level === undefined ? SKIP : { kind: 'parsed', parser: PARSER, fields: { log: { level } } };
  },
};

/** `[LEVEL]`, `LEVEL:` or `LEVEL ` at the very start; bare words only in upper case (`Info about…` is prose). */
function leadingLevel(line: string): string | undefined {
  const { word, bracketed } = tokenAt(line, 0);
  return word === undefined ? undefined : levelWord(word, bracketed);
}

/** The level as the first or second token after a timestamp, in any case. */
function levelAfterTimestamp(line: string, start: number): string | undefined {
  let position = start;
  for (let token = 0; token < 2; token++) {
    while (line[position] === ' ' || line[position] === '\t') position++;
    const { word, end } = tokenAt(line, position);
    const level = word === undefined ? undefined : levelWord(word, true);
    if (level !== undefined) return level;
    position = end;
  }
  return undefined;
}

/** The token at `start` (up to 64 characters before a space or tab), unwrapped from `[…]` or a trailing `:`. */
function tokenAt(line: string, start: number): { word?: string; bracketed: boolean; end: number } {
  let end = start;
  while (end < line.length && end - start <= 64 && line[end] !== ' ' && line[end] !== '\t') end++;
  const token = line.slice(start, end);
  if (token.length === 0 || end - start > 64) return { bracketed: false, end };
  if (token.startsWith('[') && token.endsWith(']')) return { word: token.slice(1, -1), bracketed: true, end };
  return { word: token.endsWith(':') ? token.slice(0, -1) : token, bracketed: false, end };
}

/**
 * Index just past an ISO 8601 date-time at the start of the line (`T` or space between date and
 * time, optional `.` or `,` fraction, optional `Z` or ±hh:mm offset), or -1.
 */
export function timestampEnd(line: string): number {
  const shape = 'dddd-dd-ddXdd:dd:dd';
  for (let i = 0; i < shape.length; i++) {
    const c = line.charCodeAt(i);
    const expected = shape[i];
    const ok = expected === 'd' ? c >= 0x30 && c <= 0x39 : expected === 'X' ? line[i] === 'T' || line[i] === ' ' : line[i] === expected;
    if (!ok) return -1;
  }
  let end = shape.length;
  if (line[end] === '.' || line[end] === ',') {
    end++;
    while (end < 30 && line.charCodeAt(end) >= 0x30 && line.charCodeAt(end) <= 0x39) end++;
  }
  if (line[end] === 'Z') return end + 1;
  if (line[end] === '+' || line[end] === '-') {
    const offset = line.slice(end + 1, end + 6);
    if (/^\d\d:?\d\d/.test(offset)) return end + 1 + (offset[2] === ':' ? 5 : 4);
  }
  return end;
}
