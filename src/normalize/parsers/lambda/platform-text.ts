import type { LogParser, ParseInput, ParseOutcome } from '../../parser';
import { SKIP } from '../../parser';
import { PARSER_NAMES } from './outcomes';
import { parseStartOrEnd, parseTimeoutLine } from './platform-invocation';
import { parsePhaseReport, parsePhaseStart } from './platform-phases';
import { parseReportLine } from './platform-report';
import { parseRuntimeExitLine } from './platform-runtime-exit';
import { startsWithDigit } from './timestamps';

/**
 * Lambda platform lines in text format (A3). Any function can print such a line (A7, D3.1); that
 * is accepted because the envelope says this is a Lambda log group, and these fields never touch
 * the envelope's (source, account, log group, event id). A line that starts with a platform
 * keyword but breaks the layout is `failed`, so the event keeps the reason.
 */
export const platformTextParser: LogParser = {
  name: PARSER_NAMES.platform,
  parse(input: ParseInput): ParseOutcome {
    // A1: messages end with "\n" and REPORT fields with a space before the tab.
    const message = input.message.trimEnd();
    // Cheap first-character dispatch: most lines are application lines and leave here.
    switch (message.charCodeAt(0)) {
      case 0x53 /* S */:
        return message.startsWith('START RequestId:') ? parseStartOrEnd('START', message.slice('START '.length)) : SKIP;
      case 0x45 /* E */:
        return message.startsWith('END RequestId:') ? parseStartOrEnd('END', message.slice('END '.length)) : SKIP;
      case 0x52 /* R */:
        if (message.startsWith('REPORT RequestId:')) return parseReportLine(message.slice('REPORT '.length));
        if (message.startsWith('RequestId: ')) return parseRuntimeExitLine(message) ?? SKIP;
        if (hasKeyword(message, 'RESTORE_START')) return parsePhaseStart('RESTORE_START', message.slice('RESTORE_START '.length));
        if (hasKeyword(message, 'RESTORE_REPORT')) return parsePhaseReport('RESTORE_REPORT', message.slice('RESTORE_REPORT '.length));
        return SKIP;
      case 0x49 /* I */:
        if (hasKeyword(message, 'INIT_START')) return parsePhaseStart('INIT_START', message.slice('INIT_START '.length));
        if (hasKeyword(message, 'INIT_REPORT')) return parsePhaseReport('INIT_REPORT', message.slice('INIT_REPORT '.length));
        return SKIP;
      default:
        return startsWithDigit(message) ? (parseTimeoutLine(message) ?? SKIP) : SKIP;
    }
  },
};

/** The keyword followed by a space or tab (INIT_START's fields may follow either). */
function hasKeyword(message: string, keyword: string): boolean {
  if (!message.startsWith(keyword)) return false;
  const next = message.charCodeAt(keyword.length);
  return next === 0x20 || next === 0x09;
}
