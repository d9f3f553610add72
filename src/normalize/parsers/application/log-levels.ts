/** Level words recognised at the start of text lines (upper case as loggers print them). */
const LEVEL_WORDS: ReadonlySet<string> = new Set([
  'TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'ERR', 'SEVERE',
  'CRITICAL', 'CRIT', 'FATAL', 'ALERT', 'EMERG', 'EMERGENCY', 'PANIC',
]);

/** Numeric levels of pino and bunyan, the common Node.js JSON loggers. */
const NUMERIC_LEVELS: ReadonlyMap<number, string> = new Map([
  [10, 'trace'], [20, 'debug'], [30, 'info'], [40, 'warn'], [50, 'error'], [60, 'fatal'],
]);

/** A level word as written (ECS `log.level` keeps the source's spelling), or undefined. */
export function levelWord(word: string, anyCase: boolean): string | undefined {
  if (word.length > 9) return undefined;
  return LEVEL_WORDS.has(anyCase ? word.toUpperCase() : word) ? word : undefined;
}

/** `log.level` from a JSON level value: a string as written, or a pino/bunyan number by name. */
export function levelOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value !== '' && value.length <= 32 ? value : undefined;
  return typeof value === 'number' ? NUMERIC_LEVELS.get(value) : undefined;
}
