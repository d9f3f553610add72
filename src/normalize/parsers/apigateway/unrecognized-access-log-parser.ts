import type { LogParser, ParseOutcome } from '../../parser';

/**
 * Last in the API Gateway list: the log group says this is an access log, but no known layout
 * matched, so the line is kept as text with the reason rather than passed off as raw.
 */
export const UNRECOGNIZED_ACCESS_LOG_PARSER: LogParser = {
  name: 'apigateway',
  parse(): ParseOutcome {
    return {
      kind: 'failed',
      parser: 'apigateway',
      error: 'not an API Gateway access log line in a known layout (JSON object, CLF, CSV or XML preset)',
    };
  },
};
