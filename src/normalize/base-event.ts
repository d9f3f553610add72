import { hash } from 'node:crypto';
import type { LogRecord } from '../schemas/log-record';
import type { SourceType } from '../schemas/normalized-event';

const DATASETS: Record<SourceType, string> = {
  lambda: 'aws.lambda',
  cloudtrail: 'aws.cloudtrail',
  vpcflow: 'aws.vpcflow',
  apigateway: 'aws.apigateway_logs',
  application: 'aws.cloudwatch_logs',
};

/**
 * The event id is a hash of where the log event was written and its CloudWatch id: the same log
 * event always gets the same id, so re-delivery overwrites instead of duplicating downstream.
 */
export function eventId(record: LogRecord): string {
  const id = hash('sha256', `${record.owner}\u0000${record.logGroup}\u0000${record.logStream}\u0000${record.id}`, 'base64url').slice(0, 27);
  return record.part === undefined ? id : `${id}-${record.part.index}`;
}

const LAMBDA_GROUP_PREFIX = '/aws/lambda/';

/** The function a default Lambda log group belongs to (`/aws/lambda/<name>`); Lambda@Edge prefixes a region. */
export function functionName(logGroup: string): string | undefined {
  if (!logGroup.startsWith(LAMBDA_GROUP_PREFIX)) return undefined;
  const name = logGroup.slice(LAMBDA_GROUP_PREFIX.length);
  return name === '' ? undefined : name;
}

export function withoutTrailingNewline(message: string): string {
  if (message.endsWith('\r\n')) return message.slice(0, -2);
  return message.endsWith('\n') ? message.slice(0, -1) : message;
}

// Log events of one delivery share timestamps (often to the millisecond): reuse the last text.
let lastTimeMs = Number.NaN;
let lastTimeText = '';

function isoTime(ms: number): string {
  if (ms === lastTimeMs) return lastTimeText;
  const date = new Date(ms);
  const text = Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
  lastTimeMs = ms;
  lastTimeText = text;
  return text;
}

type Event = Record<string, Record<string, unknown>>;

function objectAt(event: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = event[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  event[key] = fresh;
  return fresh;
}

/**
 * Writes the fields only the envelope may set, over whatever a parser produced: a message can
 * never change where its event seems to come from.
 */
export function assertEnvelope(event: Record<string, unknown>, record: LogRecord, source: SourceType, id: string): void {
  const ev = objectAt(event, 'event');
  ev['id'] = id;
  ev['module'] = 'aws';
  ev['dataset'] = DATASETS[source];
  ev['original'] = record.message;
  const cloud = objectAt(event, 'cloud');
  cloud['provider'] = 'aws';
  cloud['account'] = { id: record.owner };
  objectAt(event, 'aws')['cloudwatch'] = {
    log_group: record.logGroup,
    log_stream: record.logStream,
    event_id: record.id,
    owner: record.owner,
    subscription_filters: record.subscriptionFilters,
  };
  objectAt(event, 'logwarden')['source'] = source;
}

/** The event before any parser ran: what the envelope alone says. */
export function baseEvent(record: LogRecord, source: SourceType, id: string): Record<string, unknown> {
  const name = source === 'lambda' ? functionName(record.logGroup) : undefined;
  const event: Event = {
    event: { kind: 'event' },
    cloud: {},
    aws: {},
    logwarden: { parser: 'raw' },
  };
  const out = event as Record<string, unknown>;
  out['@timestamp'] = isoTime(record.timestamp);
  out['message'] = withoutTrailingNewline(record.message);
  if (name !== undefined) out['faas'] = { name };
  if (record.part !== undefined) (event['logwarden'] as Record<string, unknown>)['part'] = record.part;
  assertEnvelope(out, record, source, id);
  return out;
}
