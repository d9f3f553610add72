import { isIP } from 'node:net';
import { SKIP, type LogParser, type ParseOutcome } from '../../parser';
import { integerOf, type FieldTree } from '../../field-tree';
import { mapAccessLog } from './access-log-fields';

const PARSER = 'apigateway-csv';

const REST_PRESET = ['ip', 'caller', 'user', 'requestTime', 'httpMethod', 'resourcePath', 'protocol', 'status', 'responseLength', 'requestId'];

/**
 * The console's CSV presets, told apart by their field count (API Gateway developer guide,
 * "Access log formats"; the HTTP API preset is the one its console and SST offer).
 */
const PRESETS: ReadonlyMap<number, readonly string[]> = new Map([
  [8, ['ip', 'requestTime', 'httpMethod', 'routeKey', 'protocol', 'status', 'responseLength', 'requestId']],
  [10, REST_PRESET],
  [11, [...REST_PRESET, 'extendedRequestId']],
]);

/** CSV preset lines: they start with the client address followed by a comma. */
export const CSV_ACCESS_LOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message }): ParseOutcome {
    const firstComma = message.indexOf(',');
    if (firstComma < 0 || isIP(message.slice(0, firstComma)) === 0) return SKIP;
    const values = message.split(',', 12);
    const names = PRESETS.get(values.length);
    if (names === undefined) return failed(`CSV access log line has ${values.length > 11 ? 'more than 11' : values.length} fields; the presets have 8 (HTTP API), 10 or 11 (REST)`);
    const record: FieldTree = {};
    for (const [index, name] of names.entries()) record[name] = values[index];
    const status = integerOf(String(record.status));
    if (status === undefined || status < 100 || status > 599) return failed(`CSV access log line does not fit the ${values.length}-field preset (no HTTP status where the preset has it)`);
    return { kind: 'parsed', parser: PARSER, fields: mapAccessLog(record) };
  },
};

function failed(error: string): ParseOutcome {
  return { kind: 'failed', parser: PARSER, error };
}
