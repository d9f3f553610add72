/**
 * A line's own time goes to `event.created`, always as ISO 8601 UTC (`@timestamp` stays the
 * CloudWatch time, set by the orchestrator). Lambda runs with TZ=UTC, so a time without a zone
 * (Python's JSON error records, log4j patterns) is UTC.
 */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

// Epoch numbers are accepted between 2001 and 2286 only, so a counter is not read as a date.
const MIN_EPOCH_MS = 1e12;
const MAX_EPOCH_MS = 1e13;

/** The cheap test before any timestamp regex: lines that start with a time start with a digit. */
export function startsWithDigit(line: string): boolean {
  const code = line.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
}

/** `2025-11-28T18:03:31.123Z`, as the Node and Python runtimes print it. */
export function isIsoUtcTimestamp(text: string): boolean {
  return ISO_UTC.test(text);
}

/** A JSON record's time (ISO text with or without zone, or epoch ms / s as pino and zap write it) in ISO UTC. */
export function toIsoTimestamp(value: unknown): string | undefined {
  if (typeof value === 'number') return epochToIso(value);
  if (typeof value !== 'string' || value.length > 40) return undefined;
  if (ISO_UTC.test(value)) return value;
  const parts = DATE_TIME.exec(value);
  if (parts === null) return undefined;
  const [, date, time, fraction, zone] = parts;
  const zoneText = zone === undefined || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(`${date}T${time}${fraction === undefined ? '' : `.${fraction.slice(0, 3)}`}${zoneText}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function epochToIso(value: number): string | undefined {
  const ms = value >= MIN_EPOCH_MS ? value : value * 1000;
  return ms >= MIN_EPOCH_MS && ms < MAX_EPOCH_MS ? new Date(ms).toISOString() : undefined;
}
