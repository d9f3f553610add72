import type { LogParser } from '../../parser';
import { CLF_ACCESS_LOG_PARSER } from './clf-access-log-parser';
import { CSV_ACCESS_LOG_PARSER } from './csv-access-log-parser';
import { JSON_ACCESS_LOG_PARSER } from './json-access-log-parser';
import { UNRECOGNIZED_ACCESS_LOG_PARSER } from './unrecognized-access-log-parser';
import { XML_ACCESS_LOG_PARSER } from './xml-access-log-parser';

export { CLF_ACCESS_LOG_PARSER } from './clf-access-log-parser';
export { CSV_ACCESS_LOG_PARSER } from './csv-access-log-parser';
export { JSON_ACCESS_LOG_PARSER } from './json-access-log-parser';
export { UNRECOGNIZED_ACCESS_LOG_PARSER } from './unrecognized-access-log-parser';
export { XML_ACCESS_LOG_PARSER } from './xml-access-log-parser';

/**
 * API Gateway access logs (A10): each layout parser skips lines that do not start like its
 * layout (`{`, `<request id="`, an address then a space or a comma) and fails lines that start
 * like it but break it; whatever is left fails as unrecognized.
 */
export const APIGATEWAY_PARSERS: readonly LogParser[] = [
  JSON_ACCESS_LOG_PARSER,
  XML_ACCESS_LOG_PARSER,
  CLF_ACCESS_LOG_PARSER,
  CSV_ACCESS_LOG_PARSER,
  UNRECOGNIZED_ACCESS_LOG_PARSER,
];
