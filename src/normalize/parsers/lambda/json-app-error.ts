import { type FieldTree, putField } from '../../field-tree';
import { type AppKeySlot, type SortedAppKeys, keepUnmapped } from './json-app-keys';
import { errorCodeText, isJsonObject, type JsonObject, nonEmptyString, takeValue } from './json-values';
import { joinStackTrace } from './lambda-errors';

export interface AppError {
  type: string | undefined;
  message: string | undefined;
  stack: string | undefined;
  code: string | undefined;
}

/**
 * `error.*` from the shapes an application record carries an error in: Lambda's top-level
 * errorType / errorMessage / stackTrace (A6), an `error` / `err` object (Powertools: name,
 * message, stack; pino: type, message, stack) or text, Powertools Python's exception_name /
 * exception, and Node's JSON format logging an Error as the message object (RIC LogPatch.js).
 * Top-level keys win; what an error object holds beyond the mapped keys stays under `json`.
 */
export function putAppError(fields: FieldTree, { slots, rest }: SortedAppKeys, messageObject: JsonObject | undefined): AppError {
  const error: AppError = { type: takeString(rest, slots.errorType), message: takeString(rest, slots.errorMessage), stack: undefined, code: undefined };
  error.stack = joinStackTrace(slots.stackTrace?.value);
  if (error.stack === undefined) keepUnmapped(rest, slots.stackTrace);
  const slot = slots.error;
  if (slot !== undefined && isJsonObject(slot.value)) {
    const leftover = fillFromErrorObject(error, slot.value);
    if (Object.keys(leftover).length > 0) rest[slot.key] = leftover;
  } else if (slot !== undefined && typeof slot.value === 'string' && error.message === undefined) {
    error.message = slot.value;
  } else {
    keepUnmapped(rest, slot);
  }
  if (messageObject !== undefined) {
    error.type ??= nonEmptyString(messageObject.errorType);
    error.message ??= nonEmptyString(messageObject.errorMessage);
    error.stack ??= joinStackTrace(messageObject.stackTrace);
  }
  putField(fields, 'error.type', error.type);
  putField(fields, 'error.message', error.message);
  putField(fields, 'error.stack_trace', error.stack);
  putField(fields, 'error.code', error.code);
  return error;
}

/** Fills what is still missing from an error object; returns the keys it did not use. */
function fillFromErrorObject(error: AppError, source: JsonObject): JsonObject {
  const leftover: JsonObject = { ...source };
  error.type ??= takeValue(leftover, 'name', nonEmptyString) ?? takeValue(leftover, 'type', nonEmptyString);
  error.message ??= takeValue(leftover, 'message', nonEmptyString);
  error.stack ??= takeValue(leftover, 'stack', joinStackTrace);
  error.code ??= takeValue(leftover, 'code', errorCodeText);
  return leftover;
}

function takeString(rest: JsonObject, slot: AppKeySlot | undefined): string | undefined {
  if (typeof slot?.value === 'string') return slot.value;
  keepUnmapped(rest, slot);
  return undefined;
}
