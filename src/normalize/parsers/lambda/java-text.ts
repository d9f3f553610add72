import type { LogParser, ParseInput, ParseOutcome } from '../../parser';
import { SKIP } from '../../parser';
import { type FieldTree, putField } from '../../field-tree';
import { PARSER_NAMES, parsedOutcome } from './outcomes';
import { startsWithDigit, toIsoTimestamp } from './timestamps';

/*
 * The Log4j2 LambdaAppender pattern of the Java logging page (A5):
 * `%d{yyyy-MM-dd HH:mm:ss} %X{AWSRequestId} %-5p %c{1} - %m%n`, also with milliseconds
 * (`.SSS` or `,SSS`) and with `%c{1}:%L` (logger and line). The request id is empty outside an
 * invocation. Each part is one token (no spaces), so the pattern cannot backtrack badly.
 * Java's unhandled-exception JSON (`{"errorMessage","errorType","stackTrace"}`) is JSON, so the
 * json-format parser maps it (once, with the other JSON records); it never reaches this parser.
 * Other log4j layouts share this timestamp shape, so a line that does not match is not claimed.
 */
const LOG4J_LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:[.,]\d{3})?) (\S{0,128}) +(TRACE|DEBUG|INFO|WARN|ERROR|FATAL) +(\S{1,512}) - /;
const LOGGER_WITH_LINE = /^(.+):(\d{1,9})$/;

export const javaTextParser: LogParser = {
  name: PARSER_NAMES.java,
  parse(input: ParseInput): ParseOutcome {
    const line = input.message;
    if (!startsWithDigit(line)) return SKIP;
    const match = LOG4J_LINE.exec(line);
    if (match === null) return SKIP;
    const [prefix, time = '', requestId = '', level = '', logger = ''] = match;
    const fields: FieldTree = {};
    putField(fields, 'event.created', toIsoTimestamp(time));
    putField(fields, 'log.level', level);
    const withLine = LOGGER_WITH_LINE.exec(logger);
    putField(fields, 'log.logger', withLine === null ? logger : withLine[1]);
    putField(fields, 'log.origin.file.line', withLine === null ? undefined : Number(withLine[2]));
    putField(fields, 'faas.execution', requestId === '' ? undefined : requestId);
    putField(fields, 'message', line.slice(prefix.length));
    return parsedOutcome(PARSER_NAMES.java, fields);
  },
};
