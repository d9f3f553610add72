/** Level words recognised at the start of text lines (upper case as loggers print them). */
const LEVEL_WORDS: ReadonlySet<string> = new Set([
  'TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'WARNING', 'ERROR', 'ERR', 'SEVERE',
  'CRITICAL', 'CRIT', 'FATAL', 'ALERT', 'EMERG', 'EMERGENCY', 'PANIC',
]);

/** Numeric levels of pino and bunyan, the common Node.js JSON loggers. */
const NUMERIC_LEVELS: ReadonlyMap<number, string> = new Map([
  [10, 'TRACE'], [20, 'DEBUG'], [30, 'INFO'], [40, 'WARN'], [50, 'ERROR'], [60, 'FATAL'],
]);

// `log.level` is upper case across every source (the Lambda runtimes print it so), so rules,
// dashboards and aggregations see one spelling whatever the logger wrote.

/** A level word in upper case, or undefined when the word is not a level. */
export function levelWord(word: string, anyCase: boolean): string | undefined {
  if (word.length > 9) return undefined;
  const upper = word.toUpperCase();
  return LEVEL_WORDS.has(anyCase ? upper : word) ? upper : undefined;
}

/** `log.level` from a JSON level value: a string in upper case, or a pino/bunyan number by name. */
export function levelOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value !== '' && value.length <= 32 ? value.toUpperCase() : undefined;
  return typeof value === 'number' ? NUMERIC_LEVELS.get(value) : undefined;
}
