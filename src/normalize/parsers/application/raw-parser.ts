import type { LogParser, ParseOutcome } from '../../parser';

// Frozen: one outcome is shared by every call, so nobody may change it.
const RAW: ParseOutcome = Object.freeze({ kind: 'parsed', parser: 'raw', fields: Object.freeze({}) });

/** Last resort for generic logs: the message as it is, with no fields. A generic log line never fails. */
export const RAW_PARSER: LogParser = {
  name: 'raw',
  parse(): ParseOutcome {
    return RAW;
  },
};
