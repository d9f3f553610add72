import type { LogParser } from '../../parser';
import { javaTextParser } from './java-text';
import { jsonFormatParser } from './json-format';
import { nodeTextParser } from './node-text';
import { platformTextParser } from './platform-text';
import { pythonTextParser } from './python-text';
import { rawParser } from './raw';

/**
 * The parsers for `/aws/lambda/*` log groups, tried in this order (the first `parsed` wins):
 * platform lines first (their keywords are the most specific), then JSON (one parse, covering
 * system records, application records and Java's error JSON), the runtimes' text formats, and raw.
 */
export const LAMBDA_PARSERS: readonly LogParser[] = Object.freeze([
  platformTextParser,
  jsonFormatParser,
  nodeTextParser,
  pythonTextParser,
  javaTextParser,
  rawParser,
]);
