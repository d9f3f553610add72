import type { LogParser } from '../../parser';
import { javaTextParser } from './java-text';
import { jsonFormatParser } from './json-format';
import { hasEventAction, withLineOrigin } from './line-origin';
import { nodeTextParser } from './node-text';
import { platformTextParser } from './platform-text';
import { pythonTextParser } from './python-text';
import { rawParser } from './raw';

/**
 * The parsers for `/aws/lambda/*` log groups, tried in this order (the first `parsed` wins):
 * platform lines first (their keywords are the most specific), then JSON (one parse, covering
 * system records, application records and Java's error JSON), the runtimes' text formats, and raw.
 * Each line is marked with its origin, `aws.lambda.line: platform | application`.
 */
export const LAMBDA_PARSERS: readonly LogParser[] = Object.freeze([
  withLineOrigin(platformTextParser, 'platform'),
  // Platform records always carry event.action; a function's own JSON never gets one.
  withLineOrigin(jsonFormatParser, (fields) => (hasEventAction(fields) ? 'platform' : 'application')),
  withLineOrigin(nodeTextParser, 'application'),
  withLineOrigin(pythonTextParser, 'application'),
  withLineOrigin(javaTextParser, 'application'),
  withLineOrigin(rawParser, 'application'),
]);
