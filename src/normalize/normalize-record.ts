import type { LogRecord } from '../schemas/log-record';
import type { NormalizedEvent, SourceType } from '../schemas/normalized-event';
import { normalizedEventSchema } from '../schemas/normalized-event';
import { assertEnvelope, baseEvent, eventId, withoutTrailingNewline } from './base-event';
import type { SourceClassifier } from './classify-source';
import type { NormalizeConfig } from './config';
import { mergeFields } from './merge-fields';
import type { LogParser } from './parser';

export interface Normalizer {
  readonly config: NormalizeConfig;
  readonly classifier: SourceClassifier;
  /** The parsers of each source, tried in order until one recognises the line. */
  readonly parsers: Readonly<Record<SourceType, readonly LogParser[]>>;
}

/**
 * Turns one log record into one normalized event. Never throws and never drops: a line no
 * parser recognises, or that breaks its source's format, is still an event (message and
 * original kept, `logwarden.parse_error` saying why).
 */
export function normalizeRecord(record: LogRecord, normalizer: Normalizer): NormalizedEvent {
  const source = normalizer.classifier.classify(record.logGroup);
  const id = eventId(record);
  const event = baseEvent(record, source, id);
  const input = { message: withoutTrailingNewline(record.message), record, config: normalizer.config };
  for (const parser of normalizer.parsers[source]) {
    let outcome;
    try {
      outcome = parser.parse(input);
    } catch (err) {
      // A parser bug must not lose the line: keep it, say which parser failed.
      outcome = { kind: 'failed' as const, parser: parser.name, error: `parser error: ${(err as Error).message}` };
    }
    if (outcome.kind === 'skip') continue;
    if (outcome.fields !== undefined) mergeFields(event, outcome.fields);
    const meta: Record<string, unknown> = { parser: outcome.parser };
    if (outcome.kind === 'failed') meta['parse_error'] = outcome.error;
    if (outcome.duplicateKeys !== undefined && outcome.duplicateKeys.length > 0) meta['duplicate_keys'] = [...outcome.duplicateKeys];
    mergeFields(event, { logwarden: meta });
    break;
  }
  // Re-assert what only the envelope may say, whatever a parser emitted.
  assertEnvelope(event, record, source, id);
  return validated(event, record, source, id);
}

function validated(event: Record<string, unknown>, record: LogRecord, source: SourceType, id: string): NormalizedEvent {
  const result = normalizedEventSchema.safeParse(event);
  if (result.success) return result.data;
  // A parser produced a field of the wrong type: fall back to the envelope-only event, with the reason.
  const issue = result.error.issues[0];
  const fallback = baseEvent(record, source, id);
  mergeFields(fallback, { logwarden: { parse_error: `normalized event failed validation at ${issue?.path.join('.')}: ${issue?.message}` } });
  return normalizedEventSchema.parse(fallback);
}
