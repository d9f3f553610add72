import { integerOf } from '../../field-tree';

/** What a syslog header says (RFC 5424 section 6.2, RFC 3164 section 4.1). */
export interface SyslogHeader {
  readonly priority: number | undefined;
  readonly version: number | undefined;
  readonly hostname: string | undefined;
  readonly appName: string | undefined;
  readonly procId: string | undefined;
  readonly msgId: string | undefined;
}

const NO_HEADER_FIELDS: SyslogHeader = { priority: undefined, version: undefined, hostname: undefined, appName: undefined, procId: undefined, msgId: undefined };

const MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

/**
 * Reads `<PRI>1 TIMESTAMP HOST APP PROCID MSGID …` (RFC 5424), `<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: …`
 * (RFC 3164) or the same BSD header without PRI, as files such as /var/log/secure hold it when an
 * agent ships them to CloudWatch Logs. Only the first tokens are read; undefined when the line
 * does not start that way.
 */
export function readSyslogHeader(line: string): SyslogHeader | undefined {
  let position = 0;
  let priority: number | undefined;
  if (line.startsWith('<')) {
    const close = line.indexOf('>');
    priority = close < 2 || close > 4 ? undefined : integerOf(line.slice(1, close));
    if (priority === undefined || priority > 191) return undefined;
    position = close + 1;
    if (line.startsWith('1 ', position)) return readRfc5424(line.slice(position + 2), priority);
  }
  const bsd = readBsdHeader(line.slice(position, position + 160));
  if (bsd === undefined) return priority === undefined ? undefined : { ...NO_HEADER_FIELDS, priority };
  return { ...bsd, priority };
}

function readRfc5424(rest: string, priority: number): SyslogHeader {
  const [, hostname, appName, procId, msgId] = rest.slice(0, 512).split(' ', 5).map((token) => (token === '-' || token === '' ? undefined : token));
  return { priority, version: 1, hostname, appName, procId, msgId };
}

/** `Nov 28 18:03:11 host sshd[1234]: …` (the day is space-padded: `Nov  8`). */
function readBsdHeader(text: string): SyslogHeader | undefined {
  if (!MONTHS.has(text.slice(0, 3)) || text[3] !== ' ' || text[6] !== ' ' || text[9] !== ':' || text[12] !== ':' || text[15] !== ' ') return undefined;
  const [hostname, tag] = text.slice(16).split(' ', 2);
  if (hostname === undefined || hostname === '') return undefined;
  const colon = tag?.indexOf(':') ?? -1;
  if (tag === undefined || colon < 1) return { ...NO_HEADER_FIELDS, hostname };
  const bracket = tag.indexOf('[');
  const appName = tag.slice(0, bracket > 0 && bracket < colon ? bracket : colon);
  const procId = bracket > 0 && tag[colon - 1] === ']' ? tag.slice(bracket + 1, colon - 1) : undefined;
  return { ...NO_HEADER_FIELDS, hostname, appName, procId };
}
