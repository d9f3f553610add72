import { renameUnsafeKeys } from '../../json/parse-json';
import { SKIP, type LogParser, type ParseOutcome } from '../../parser';
import type { FieldTree } from '../../field-tree';
import { mapAccessLog } from './access-log-fields';

const PARSER = 'apigateway-xml';
const OPENING = '<request id="';
const CLOSING = '</request>';
const MAX_ELEMENTS = 64;

/**
 * The console's XML preset: `<request id="$context.requestId"> <ip>…</ip> … </request>` with one
 * element per variable (API Gateway developer guide, "Access log formats"). Values are not
 * escaped, so the line is read element by element with indexOf; an element that appears twice
 * was injected and is reported like a duplicate JSON key.
 */
export const XML_ACCESS_LOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message }): ParseOutcome {
    if (!message.startsWith(OPENING)) return SKIP;
    const read = readXmlLine(message);
    if (typeof read === 'string') return { kind: 'failed', parser: PARSER, error: `XML access log line: ${read}` };
    // Same key hygiene as JSON lines: `constructor`/`prototype` elements are renamed (D3.4).
    const fields = mapAccessLog(renameUnsafeKeys(read.record) as FieldTree, new Set(read.duplicates));
    return read.duplicates.length > 0
      ? { kind: 'parsed', parser: PARSER, fields, duplicateKeys: read.duplicates }
      : { kind: 'parsed', parser: PARSER, fields };
  },
};

function readXmlLine(line: string): { record: FieldTree; duplicates: string[] } | string {
  const idEnd = line.indexOf('">', OPENING.length);
  if (idEnd < 0) return 'unterminated id attribute';
  const record: FieldTree = { requestId: line.slice(OPENING.length, idEnd) };
  const duplicates: string[] = [];
  let position = idEnd + 2;
  for (let count = 0; ; count++) {
    while (line.charCodeAt(position) === 0x20) position++;
    if (line.startsWith(CLOSING, position)) {
      return line.slice(position + CLOSING.length).trim() === '' ? { record, duplicates } : `text after ${CLOSING}`;
    }
    if (count === MAX_ELEMENTS) return `more than ${MAX_ELEMENTS} elements`;
    const nameEnd = line.indexOf('>', position);
    const name = nameEnd < 0 ? '' : line.slice(position + 1, nameEnd);
    if (line[position] !== '<' || !isElementName(name)) return `expected an element at offset ${position}`;
    const end = line.indexOf(`</${name}>`, nameEnd + 1);
    if (end < 0) return `element <${name}> is not closed`;
    if (Object.hasOwn(record, name) && !duplicates.includes(name)) duplicates.push(name);
    record[name] = line.slice(nameEnd + 1, end);
    position = end + name.length + 3;
  }
}

function isElementName(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  for (const c of name) if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}
