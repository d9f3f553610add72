import { parseJsonSafely } from '../../json/parse-json';
import type { LogParser, ParseOutcome } from '../../parser';
import { isPlainObject, stringOf, type FieldTree } from '../../field-tree';
import { summarizeEvent, type RequiredFields } from './summarize-event';

const PARSER = 'cloudtrail';

// eventTime is always UTC with a Z (A8 samples); fractional seconds appear in some event types.
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/**
 * One CloudTrail event per CloudWatch Logs message (A8). The log group decided that this is
 * CloudTrail; anything that is not an event is `failed` with the reason and kept as text.
 */
export const CLOUDTRAIL_EVENT_PARSER: LogParser = {
  name: PARSER,
  parse({ message, record, config }): ParseOutcome {
    const json = parseJsonSafely(message);
    if (!json.ok) return failed(json.error);
    const event = json.value;
    if (!isPlainObject(event)) return failed(`a CloudTrail event is a JSON object, not ${describeJson(event)}`);
    if (Array.isArray(event.Records)) {
      return failed('message is an S3 CloudTrail log file ({"Records":[…]}); CloudWatch Logs carries one event per message');
    }
    const required = requiredFields(event);
    if (typeof required === 'string') return failed(required);
    if (!EVENT_TIME.test(required.eventTime)) return failed(`eventTime ${preview(required.eventTime)} is not an ISO 8601 UTC time`);
    const fields = summarizeEvent(event, required);
    // D3.2: an event about another account in this account's trail group is forged or misrouted:
    // kept with all its fields, but flagged.
    // An organization trail delivers member accounts' events into the management account's
    // group: recipients among the configured accounts are expected.
    const recipient = event.recipientAccountId;
    if (recipient !== undefined && recipient !== record.owner && !config.accounts.includes(String(recipient))) {
      const error = `recipientAccountId ${preview(recipient)} differs from the log group owner ${record.owner} and is not a configured account (possibly forged CloudTrail event)`;
      return { kind: 'failed', parser: PARSER, error, fields, duplicateKeys: json.duplicateKeys };
    }
    return json.duplicateKeys.length > 0
      ? { kind: 'parsed', parser: PARSER, fields, duplicateKeys: json.duplicateKeys }
      : { kind: 'parsed', parser: PARSER, fields };
  },
};

function requiredFields(event: FieldTree): RequiredFields | string {
  const eventName = stringOf(event.eventName);
  const eventSource = stringOf(event.eventSource);
  const eventTime = stringOf(event.eventTime);
  if (eventName !== undefined && eventSource !== undefined && eventTime !== undefined) return { eventName, eventSource, eventTime };
  const missing = Object.entries({ eventName, eventSource, eventTime }).filter(([, value]) => value === undefined);
  return `not a CloudTrail event: ${missing.map(([key]) => key).join(', ')} missing or not a string`;
}

function failed(error: string, fields?: FieldTree): ParseOutcome {
  return fields === undefined ? { kind: 'failed', parser: PARSER, error } : { kind: 'failed', parser: PARSER, error, fields };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** A value quoted for an error message, cut short: the reason must stay small whatever the input. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
