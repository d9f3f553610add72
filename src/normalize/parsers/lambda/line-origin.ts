import type { EventFields, LogParser, ParseOutcome } from '../../parser';

/**
 * Who wrote a function-log line: Lambda itself (`platform`: START, END, REPORT, INIT_*,
 * timeouts, `platform.*` JSON records) or the function's code and runtime (`application`).
 * Sigma rules select one with `logsource: {product: aws, service: lambda, category: …}`.
 */
export type LineOrigin = 'platform' | 'application';

/** The parser, with the origin of every line it claims recorded as `aws.lambda.line`. */
export function withLineOrigin(parser: LogParser, origin: LineOrigin | ((fields: EventFields) => LineOrigin)): LogParser {
  return {
    name: parser.name,
    parse(input): ParseOutcome {
      const outcome = parser.parse(input);
      if (outcome.kind === 'skip') return outcome;
      const fields = outcome.fields ?? {};
      return { ...outcome, fields: withOrigin(fields, typeof origin === 'string' ? origin : origin(fields)) };
    },
  };
}

export function hasEventAction(fields: EventFields): boolean {
  const event = fields['event'];
  return typeof event === 'object' && event !== null && typeof (event as Record<string, unknown>)['action'] === 'string';
}

function withOrigin(fields: EventFields, origin: LineOrigin): EventFields {
  const aws = (fields['aws'] ?? {}) as Record<string, unknown>;
  const lambda = (aws['lambda'] ?? {}) as Record<string, unknown>;
  return { ...fields, aws: { ...aws, lambda: { ...lambda, line: origin } } };
}
