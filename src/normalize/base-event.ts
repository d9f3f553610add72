import { createHash } from 'node:crypto';
import type { LogRecord } from '../schemas/log-record';
import type { SourceType } from '../schemas/normalized-event';
import { mergeFields } from './merge-fields';

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
  const hash = createHash('sha256');
  hash.update(`${record.owner}\u0000${record.logGroup}\u0000${record.logStream}\u0000${record.id}`);
  const id = hash.digest('base64url').slice(0, 27);
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

function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** Fields only the envelope may set: parsers never override them (a message cannot change where it came from). */
export function envelopeFields(record: LogRecord, source: SourceType, id: string): Record<string, unknown> {
  return {
    event: { id, module: 'aws', dataset: DATASETS[source], original: record.message },
    cloud: { provider: 'aws', account: { id: record.owner } },
    aws: {
      cloudwatch: {
        log_group: record.logGroup,
        log_stream: record.logStream,
        event_id: record.id,
        owner: record.owner,
        subscription_filters: record.subscriptionFilters,
      },
    },
    logwarden: { source },
  };
}

/** The event before any parser ran: what the envelope alone says. */
export function baseEvent(record: LogRecord, source: SourceType, id: string): Record<string, unknown> {
  const name = source === 'lambda' ? functionName(record.logGroup) : undefined;
  const event: Record<string, unknown> = {
    '@timestamp': isoTime(record.timestamp),
    message: withoutTrailingNewline(record.message),
    event: { kind: 'event' },
    ...(name === undefined ? {} : { faas: { name } }),
    logwarden: { parser: 'raw', ...(record.part === undefined ? {} : { part: record.part }) },
  };
  mergeFields(event, envelopeFields(record, source, id));
  return event;
}
