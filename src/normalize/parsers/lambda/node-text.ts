import type { LogParser, ParseInput, ParseOutcome } from '../../parser';
import { SKIP } from '../../parser';
import { type FieldTree, putField, quoteSnippet } from '../../field-tree';
import { nodeErrorOutcome } from './node-error-payload';
import { failedOutcome, PARSER_NAMES, parsedOutcome } from './outcomes';
import { isIsoUtcTimestamp, startsWithDigit } from './timestamps';

const NODE_LEVELS: ReadonlySet<string> = new Set(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']);

/**
 * Node.js text format (A4): `<ISO ts>\t<requestId>\t<LEVEL>\t<message>`; the request id is the
 * literal `undefined` during init. A line that starts with an ISO timestamp and a tab is claimed;
 * if the rest breaks the layout it is `failed`. A multi-line message (newlines kept, or turned
 * into carriage returns on stdout) is one event and stays whole.
 */
export const nodeTextParser: LogParser = {
  name: PARSER_NAMES.node,
  parse(input: ParseInput): ParseOutcome {
    const line = input.message;
    if (!startsWithDigit(line)) return SKIP;
    const tab1 = line.indexOf('\t');
    if (tab1 < 0 || tab1 > 40 || !isIsoUtcTimestamp(line.slice(0, tab1))) return SKIP;
    const fields: FieldTree = {};
    putField(fields, 'event.created', line.slice(0, tab1));
    const tab2 = line.indexOf('\t', tab1 + 1);
    if (tab2 < 0) return failedOutcome(PARSER_NAMES.node, 'Node.js log line has no tab after the request id', fields);
    const requestId = line.slice(tab1 + 1, tab2);
    if (!/^\S{1,128}$/.test(requestId)) return failedOutcome(PARSER_NAMES.node, `Node.js log line has an invalid request id ${quoteSnippet(requestId)}`, fields);
    const tab3 = line.indexOf('\t', tab2 + 1);
    const level = line.slice(tab2 + 1, tab3 < 0 ? Math.min(line.length, tab2 + 41) : tab3).trimEnd();
    if (!NODE_LEVELS.has(level)) return failedOutcome(PARSER_NAMES.node, `Node.js log line has an unknown level ${quoteSnippet(level)}`, fields);
    if (requestId !== 'undefined') putField(fields, 'faas.execution', requestId);
    putField(fields, 'log.level', level);
    const text = tab3 < 0 ? '' : line.slice(tab3 + 1);
    putField(fields, 'message', text);
    return (level === 'ERROR' ? nodeErrorOutcome(fields, text, requestId) : undefined) ?? parsedOutcome(PARSER_NAMES.node, fields);
  },
};
