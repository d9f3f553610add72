import { parseJsonSafely } from '../../json/parse-json';
import { SKIP, type LogParser, type ParseOutcome } from '../../parser';
import { isPlainObject } from '../../field-tree';
import { mapAccessLog } from './access-log-fields';

const PARSER = 'apigateway-json';

/**
 * JSON-templated access logs (the console's JSON preset and custom templates, A10). API Gateway
 * substitutes `$context` values without escaping, so a quote in a user agent or path breaks the
 * line (failed, kept as text) or injects keys. An injected key that duplicates a template key
 * is detected and reported; those keys are then left out of the ECS mapping and appear only
 * under `aws.apigateway`, with the value JSON.parse keeps (the last one), because nothing says
 * which occurrence the template wrote. Injected keys that duplicate nothing cannot be told
 * apart from template keys: `aws.apigateway` is client-influenced data, like any log text.
 */
export const JSON_ACCESS_LOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message }): ParseOutcome {
    if (!message.trimStart().startsWith('{')) return SKIP;
    const json = parseJsonSafely(message);
    if (!json.ok) return { kind: 'failed', parser: PARSER, error: json.error };
    if (!isPlainObject(json.value)) return { kind: 'failed', parser: PARSER, error: 'access log line is JSON but not an object' };
    const fields = mapAccessLog(json.value, new Set(json.duplicateKeys));
    return json.duplicateKeys.length > 0
      ? { kind: 'parsed', parser: PARSER, fields, duplicateKeys: json.duplicateKeys }
      : { kind: 'parsed', parser: PARSER, fields };
  },
};
