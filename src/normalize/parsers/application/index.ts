import type { LogParser } from '../../parser';
import { JSON_LOG_PARSER } from './json-log-parser';
import { RAW_PARSER } from './raw-parser';
import { SYSLOG_PARSER } from './syslog-parser';
import { TEXT_LOG_PARSER } from './text-log-parser';

export { JSON_LOG_PARSER } from './json-log-parser';
export { RAW_PARSER } from './raw-parser';
export { SYSLOG_PARSER } from './syslog-parser';
export { TEXT_LOG_PARSER } from './text-log-parser';

/**
 * Generic application logs (log groups of no known source): JSON objects, syslog, text with a
 * leading level, else raw. Each parser skips what it does not recognise; the list never fails.
 */
export const APPLICATION_PARSERS: readonly LogParser[] = [JSON_LOG_PARSER, SYSLOG_PARSER, TEXT_LOG_PARSER, RAW_PARSER];
