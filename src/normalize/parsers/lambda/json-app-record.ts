import type { ParseOutcome } from '../../parser';
import { type FieldTree, putField } from '../../field-tree';
import { putAppError } from './json-app-error';
import { type AppKeySlot, keepUnmapped, sortAppKeys } from './json-app-keys';
import { isJsonObject, type JsonObject, nonEmptyString } from './json-values';
import { isInitErrorType } from './lambda-errors';
import { PARSER_NAMES, parsedOutcome } from './outcomes';
import { toIsoTimestamp } from './timestamps';

// pino / bunyan numeric levels.
const NUMERIC_LEVELS: ReadonlyMap<number, string> = new Map([[10, 'TRACE'], [20, 'DEBUG'], [30, 'INFO'], [40, 'WARN'], [50, 'ERROR'], [60, 'FATAL']]);

/**
 * An application's JSON record: Lambda's JSON log format (A6), Powertools, any JSON logger, or
 * any object a function prints. Known keys map to ECS; every other key is kept under `json`, so
 * a printed CloudTrail-shaped or ECS-shaped record stays the application's data (D3.1) and can
 * never set the envelope's fields.
 */
export function appRecordOutcome(record: JsonObject, duplicateKeys: readonly string[]): ParseOutcome {
  const sorted = sortAppKeys(record, duplicateKeys);
  const { slots, rest } = sorted;
  const fields: FieldTree = {};
  const level = levelOf(slots.level?.value);
  if (level === undefined) keepUnmapped(rest, slots.level);
  putField(fields, 'log.level', level);
  const messageObject = putMessage(fields, rest, slots.message);
  putMapped(fields, rest, slots.time, 'event.created', toIsoTimestamp);
  putMapped(fields, rest, slots.requestId, 'faas.execution', nonEmptyString);
  putMapped(fields, rest, slots.traceId, 'trace.id', nonEmptyString);
  putMapped(fields, rest, slots.service, 'service.name', nonEmptyString);
  putMapped(fields, rest, slots.logger, 'log.logger', nonEmptyString);
  putMapped(fields, rest, slots.tenantId, 'aws.lambda.tenant_id', nonEmptyString);
  putMapped(fields, rest, slots.coldStart, 'faas.coldstart', (v) => (typeof v === 'boolean' ? v : undefined));
  const error = putAppError(fields, sorted, messageObject);
  if (isInitErrorType(error.type)) putField(fields, 'aws.lambda.init_error', true);
  // Java's unhandled-exception JSON (A5) and Python's JSON-format one (RIC bootstrap.py log_error)
  // carry errorType and errorMessage with no message: the invocation (or init) failed.
  if (slots.message === undefined && typeof slots.errorType?.value === 'string' && typeof slots.errorMessage?.value === 'string') {
    putField(fields, 'message', slots.errorMessage.value);
    putField(fields, 'event.outcome', 'failure');
    if (level === undefined) putField(fields, 'log.level', 'ERROR');
  }
  if (Object.keys(rest).length > 0) fields.json = rest;
  return parsedOutcome(PARSER_NAMES.json, fields, duplicateKeys);
}

/** The message as text; an object is also kept whole under `json.message`. Returns that object. */
function putMessage(fields: FieldTree, rest: JsonObject, slot: AppKeySlot | undefined): JsonObject | undefined {
  const value = slot?.value;
  if (typeof value === 'string') putField(fields, 'message', value);
  else if (typeof value === 'number' || typeof value === 'boolean') putField(fields, 'message', String(value));
  else if (typeof value === 'object' && value !== null) {
    putField(fields, 'message', JSON.stringify(value));
    keepUnmapped(rest, slot);
    return isJsonObject(value) ? value : undefined;
  } else keepUnmapped(rest, slot);
  return undefined;
}

function putMapped(fields: FieldTree, rest: JsonObject, slot: AppKeySlot | undefined, path: string, convert: (value: unknown) => unknown): void {
  if (slot === undefined) return;
  const value = convert(slot.value);
  if (value === undefined) keepUnmapped(rest, slot);
  else putField(fields, path, value);
}

function levelOf(value: unknown): string | undefined {
  if (typeof value === 'number') return NUMERIC_LEVELS.get(value);
  return typeof value === 'string' && value !== '' && value.length <= 16 ? value.toUpperCase() : undefined;
}
