import { parseJsonSafely } from '../../json/parse-json';
import { SKIP, type LogParser, type ParseOutcome } from '../../parser';
import { isPlainObject, stringOf, withoutEmpty, type FieldTree } from '../../field-tree';
import { levelOf } from './log-levels';

const PARSER = 'application-json';

// Key spellings of structured loggers (pino, winston, bunyan, Python logging, Powertools, Lambda's JSON format: A6).
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'levelname', 'log_level', 'loglevel'];
const MESSAGE_KEYS = ['message', 'msg'];
const LOGGER_KEYS = ['logger', 'logger_name', 'loggerName'];
const ERROR_KEYS = ['error', 'err', 'exception'];

/**
 * A JSON object per line: level, message, logger and error keys become ECS fields and every
 * other key stays as logged under `json`. Lines that are not JSON objects are left to the next
 * parser (generic logs never fail). Keys that occur twice are reported and not mapped, since a
 * duplicate is the mark of an injected field (D3.1); they remain under `json`.
 */
export const JSON_LOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message }): ParseOutcome {
    if (!message.trimStart().startsWith('{')) return SKIP;
    const json = parseJsonSafely(message);
    if (!json.ok || !isPlainObject(json.value)) return SKIP;
    const rest = json.value; // parsed for this call only: mapped keys are taken out of it
    const untrusted = new Set(json.duplicateKeys);
    const take = (keys: readonly string[], read: (value: unknown) => string | undefined): string | undefined => {
      const key = keys.find((k) => Object.hasOwn(rest, k) && !untrusted.has(k) && read(rest[k]) !== undefined);
      if (key === undefined) return undefined;
      const value = read(rest[key]);
      delete rest[key];
      return value;
    };
    const mapped = withoutEmpty({
      log: { level: take(LEVEL_KEYS, levelOf), logger: take(LOGGER_KEYS, stringOf) },
      message: take(MESSAGE_KEYS, stringOf),
      error: takeErrorFields(rest, untrusted),
    });
    const fields = Object.keys(rest).length > 0 ? { ...mapped, json: rest } : mapped;
    return json.duplicateKeys.length > 0
      ? { kind: 'parsed', parser: PARSER, fields, duplicateKeys: json.duplicateKeys }
      : { kind: 'parsed', parser: PARSER, fields };
  },
};

// Lambda's own error records put the error at the top level (A4 Invoke Error, A5 Java, A6).
const TOP_LEVEL_ERROR_KEYS = [
  ['errorMessage', 'message', stringOf],
  ['errorType', 'type', stringOf],
  ['stackTrace', 'stack_trace', stackOf],
  ['stack', 'stack_trace', stackOf],
] as const;

/**
 * ECS `error.*` from an `error`-like key (a string, or an object with message/name/type/stack/code,
 * which then also stays under `json`), else from top-level `errorMessage`/`errorType`/`stackTrace`.
 */
function takeErrorFields(rest: FieldTree, untrusted: ReadonlySet<string>): FieldTree {
  const error: FieldTree = {};
  const set = (name: string, value: string | undefined): void => {
    if (value !== undefined && error[name] === undefined) error[name] = value;
  };
  const key = ERROR_KEYS.find((k) => Object.hasOwn(rest, k) && !untrusted.has(k));
  const value = key === undefined ? undefined : rest[key];
  if (key !== undefined && typeof value === 'string') {
    set('message', stringOf(value));
    delete rest[key];
  } else if (isPlainObject(value)) {
    set('message', stringOf(value.message));
    set('type', stringOf(value.name) ?? stringOf(value.type));
    set('stack_trace', stackOf(value.stack));
    set('code', typeof value.code === 'number' ? String(value.code) : stringOf(value.code));
  }
  for (const [name, target, read] of TOP_LEVEL_ERROR_KEYS) {
    const found = untrusted.has(name) || error[target] !== undefined ? undefined : read(rest[name]);
    if (found === undefined) continue;
    set(target, found);
    delete rest[name];
  }
  return error;
}

/** A stack as text: a string, or an array of frames (Node's `stack`, Java's `stackTrace`) joined by lines. */
function stackOf(value: unknown): string | undefined {
  if (typeof value === 'string') return stringOf(value);
  if (!Array.isArray(value) || value.length === 0 || !value.every((line) => typeof line === 'string')) return undefined;
  return value.join('\n');
}
