import { parseJsonSafely } from '../../json/parse-json';
import type { LogParser, ParseInput, ParseOutcome } from '../../parser';
import { SKIP } from '../../parser';
import { appRecordOutcome } from './json-app-record';
import { isPlatformRecord, platformRecordOutcome } from './json-platform-record';
import type { JsonObject } from './json-values';
import { failedOutcome, PARSER_NAMES } from './outcomes';

/**
 * Lambda's JSON log format (A6): system records (`platform.*`) and application records, which
 * include Java's unhandled-exception JSON (A5; it is JSON, so it is parsed here, once) and any
 * other JSON object a function prints. Arrays, scalars and invalid JSON are not claimed (the
 * text parsers or raw keep them); JSON too deep for parseJsonSafely is `failed` with its reason.
 */
export const jsonFormatParser: LogParser = {
  name: PARSER_NAMES.json,
  parse(input: ParseInput): ParseOutcome {
    const text = input.message;
    // Cheap checks before parsing: an object starts with "{" and, unless truncated, ends with "}".
    if (text.charCodeAt(0) !== 0x7b || !endsWithBrace(text)) return SKIP;
    const parsed = parseJsonSafely(text);
    if (!parsed.ok) return parsed.error.startsWith('invalid JSON') ? SKIP : failedOutcome(PARSER_NAMES.json, parsed.error);
    const record = parsed.value as JsonObject;
    return isPlatformRecord(record) ? platformRecordOutcome(record, parsed.duplicateKeys) : appRecordOutcome(record, parsed.duplicateKeys);
  },
};

function endsWithBrace(text: string): boolean {
  let end = text.length - 1;
  while (end > 0 && isJsonWhitespace(text.charCodeAt(end))) end--;
  return text.charCodeAt(end) === 0x7d;
}

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
