import { SKIP, type LogParser, type ParseOutcome } from '../../parser';
import { integerOf, withoutEmpty } from '../../field-tree';
import { readSyslogHeader } from './syslog-header';

const PARSER = 'application-syslog';

// RFC 5424 section 6.2.1, tables 1 and 2.
const SEVERITIES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'];
const FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp',
  'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
];

/**
 * Syslog lines (RFC 5424, RFC 3164, BSD files): ECS `log.syslog.*`, `log.level` from the
 * severity, and `process.name`/`process.pid` from the tag. The host a line names stays under
 * `log.syslog.hostname`: it is text the line claims, not where the event came from.
 */
export const SYSLOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message }): ParseOutcome {
    const header = readSyslogHeader(message);
    if (header === undefined) return SKIP;
    const { priority, version, hostname, appName, procId, msgId } = header;
    const severity = priority === undefined ? undefined : { code: priority % 8, name: SEVERITIES[priority % 8] };
    const facility = priority === undefined ? undefined : { code: Math.floor(priority / 8), name: FACILITIES[Math.floor(priority / 8)] };
    const fields = withoutEmpty({
      log: {
        level: severity?.name?.toUpperCase(),
        syslog: { priority, severity, facility, version: version?.toString(), hostname, appname: appName, procid: procId, msgid: msgId },
      },
      process: { name: appName, pid: procId === undefined ? undefined : integerOf(procId) },
    });
    return { kind: 'parsed', parser: PARSER, fields };
  },
};
