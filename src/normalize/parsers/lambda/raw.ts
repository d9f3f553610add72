import type { LogParser, ParseOutcome } from '../../parser';
import { PARSER_NAMES } from './outcomes';

// Frozen: one outcome shared by every call, so no caller can change it for the next event.
const RAW_OUTCOME: ParseOutcome = Object.freeze({ kind: 'parsed', parser: PARSER_NAMES.raw, fields: Object.freeze({}) });

/**
 * Anything no other Lambda format claims: `print()`, `process.stdout.write`, `System.out` lines
 * (A4, A5), arrays, truncated JSON, binary. The orchestrator's base event (message, times, envelope)
 * is the whole event. It never fails.
 */
export const rawParser: LogParser = {
  name: PARSER_NAMES.raw,
  parse(): ParseOutcome {
    return RAW_OUTCOME;
  },
};
