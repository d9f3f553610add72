import { isIP } from 'node:net';
import { SKIP, type LogParser, type ParseOutcome } from '../../parser';
import type { FieldTree } from '../../field-tree';
import { mapAccessLog } from './access-log-fields';

const PARSER = 'apigateway-clf';

/**
 * Common Log Format presets (A10; API Gateway developer guide, "Access log formats"):
 *   REST:     `sourceIp caller user [requestTime]"httpMethod resourcePath protocol" status responseLength requestId extendedRequestId`
 *             (older consoles: a space before the quote and no extendedRequestId)
 *   HTTP API: `sourceIp - - [requestTime] "httpMethod routeKey protocol" status responseLength requestId`
 * The line is read with indexOf, never a regex. The request part ends at the last quote of the
 * line, since an unescaped path may itself contain quotes.
 */
export const CLF_ACCESS_LOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message }): ParseOutcome {
    const firstSpace = message.indexOf(' ');
    if (firstSpace < 0 || isIP(message.slice(0, firstSpace)) === 0) return SKIP;
    const record = readClfLine(message, firstSpace);
    if (typeof record === 'string') return { kind: 'failed', parser: PARSER, error: `CLF access log line: ${record}` };
    return { kind: 'parsed', parser: PARSER, fields: mapAccessLog(record) };
  },
};

/** The line as the record its template would give in JSON (preset key names), or why it is not CLF. */
function readClfLine(line: string, firstSpace: number): FieldTree | string {
  const open = line.indexOf(' [', firstSpace);
  const close = line.indexOf(']', open + 2);
  if (open < 0 || close < 0) return 'no [requestTime]';
  const identity = line.slice(firstSpace + 1, open).split(' ');
  if (identity.length !== 2) return `expected "caller user" between the address and [requestTime], got ${identity.length} fields`;
  const quote = line.indexOf('"', close);
  const lastQuote = line.lastIndexOf('"');
  if (quote < 0 || quote > close + 2 || lastQuote === quote) return 'no quoted request after [requestTime]';
  const request = line.slice(quote + 1, lastQuote).split(' ');
  const tail = line.slice(lastQuote + 1).trim().split(' ');
  if (request.length < 3) return `expected "method path protocol", got ${JSON.stringify(request.join(' ').slice(0, 60))}`;
  if (tail.length < 2 || tail.length > 4) return `expected status, length and request ids after the request, got ${tail.length} fields`;
  const [method, ...target] = request.slice(0, -1);
  const [status, responseLength, requestId, extendedRequestId] = tail;
  return {
    ip: line.slice(0, firstSpace),
    caller: identity[0],
    user: identity[1],
    requestTime: line.slice(open + 2, close),
    httpMethod: method,
    // An HTTP API route key has its own method: `"GET GET /items HTTP/1.1"`.
    ...(target.length === 2 || target[0] === '$default' ? { routeKey: target.join(' ') } : { resourcePath: target.join(' ') }),
    protocol: request[request.length - 1],
    status,
    responseLength,
    ...(requestId === undefined ? {} : { requestId }),
    ...(extendedRequestId === undefined ? {} : { extendedRequestId }),
  };
}
