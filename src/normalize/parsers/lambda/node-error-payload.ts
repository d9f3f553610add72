import { parseJsonSafely } from '../../json/parse-json';
import type { ParseOutcome } from '../../parser';
import { type FieldTree, putField } from '../../field-tree';
import { errorCodeText, isJsonObject, nonEmptyString, takeValue } from './json-values';
import { isInitErrorType, joinStackTrace } from './lambda-errors';
import { failedOutcome, PARSER_NAMES, parsedOutcome } from './outcomes';

// A4 and the Node RIC (index.mjs, Errors.js toFormatted): `console.error(marker, '\t' + JSON)`.
const MARKERS = [
  ['Invoke Error', 'invoke-error'],
  ['Uncaught Exception', 'uncaught-exception'],
  ['Unhandled Promise Rejection', 'unhandled-promise-rejection'],
] as const;

/**
 * The runtime's error lines: `Invoke Error \t{"errorType","errorMessage","stack":[…]}` and the
 * same for `Uncaught Exception` / `Unhandled Promise Rejection`. Returns undefined when the
 * message is not one (no marker, or no JSON after it). The payload can be cut at 256 KB (A4):
 * then the line is `failed` and keeps the fields read so far.
 */
export function nodeErrorOutcome(fields: FieldTree, text: string, requestId: string): ParseOutcome | undefined {
  const found = MARKERS.find(([marker]) => text.startsWith(marker));
  if (found === undefined) return undefined;
  const [marker, action] = found;
  const payloadText = text.slice(marker.length).trim();
  if (payloadText.charCodeAt(0) !== 0x7b /* { */) return undefined;
  putField(fields, 'event.action', action);
  putField(fields, 'event.outcome', 'failure');
  const parsed = parseJsonSafely(payloadText);
  if (!parsed.ok) return failedOutcome(PARSER_NAMES.node, `${marker} payload: ${parsed.error}`, fields);
  if (!isJsonObject(parsed.value)) return failedOutcome(PARSER_NAMES.node, `${marker} payload is not a JSON object`, fields);
  const payload = parsed.value;
  const errorType = takeValue(payload, 'errorType', nonEmptyString);
  putField(fields, 'error.type', errorType);
  putField(fields, 'error.message', takeValue(payload, 'errorMessage', nonEmptyString));
  putField(fields, 'error.stack_trace', takeValue(payload, 'stack', joinStackTrace) ?? takeValue(payload, 'trace', joinStackTrace));
  putField(fields, 'error.code', takeValue(payload, 'code', errorCodeText));
  // Init failures (A7): an init error type, or an uncaught error outside any invocation.
  if (isInitErrorType(errorType) || (action !== 'invoke-error' && requestId === 'undefined')) putField(fields, 'aws.lambda.init_error', true);
  if (Object.keys(payload).length > 0) fields.json = payload;
  return parsedOutcome(PARSER_NAMES.node, fields, parsed.duplicateKeys);
}
