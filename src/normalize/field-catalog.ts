import type { SourceType } from '../schemas/normalized-event';
import { SOURCE_TYPES } from '../schemas/normalized-event';

/**
 * The fields the normalizer can produce, per log source: what a detection rule may read. A
 * rule reading anything else never matches, silently, so the build rejects it (see
 * `src/detect/check-rule-fields.ts`). Keep this in step with the parsers: a test normalizes
 * the fixture logs of every source and checks each field they produce is listed here.
 */
interface SourceFields {
  readonly fields: readonly string[];
  /** Subtrees kept as logged (a CloudTrail record, a function's own JSON): any field below is possible. */
  readonly open: readonly string[];
}

const ENVELOPE = [
  '@timestamp', 'message',
  'event.id', 'event.kind', 'event.module', 'event.dataset', 'event.original', 'event.category', 'event.type',
  'event.action', 'event.outcome', 'event.provider', 'event.duration', 'event.ingested', 'event.created', 'event.start', 'event.end',
  'log.level', 'log.logger',
  'cloud.provider', 'cloud.account.id', 'cloud.region',
  'aws.cloudwatch.log_group', 'aws.cloudwatch.log_stream', 'aws.cloudwatch.event_id', 'aws.cloudwatch.owner', 'aws.cloudwatch.subscription_filters',
  'logwarden.source', 'logwarden.parser', 'logwarden.parse_error', 'logwarden.duplicate_keys', 'logwarden.part.index', 'logwarden.part.count',
];

const ERROR = ['error.type', 'error.code', 'error.message', 'error.stack_trace'];

const LAMBDA: SourceFields = {
  fields: [
    ...ERROR,
    'faas.name', 'faas.version', 'faas.execution', 'faas.coldstart',
    'log.origin.file.line', 'trace.id', 'span.id', 'service.name',
    'aws.lambda.line', 'aws.lambda.version', 'aws.lambda.tenant_id', 'aws.lambda.status', 'aws.lambda.phase', 'aws.lambda.error_type', 'aws.lambda.init_error',
    'aws.lambda.duration_ms', 'aws.lambda.billed_duration_ms', 'aws.lambda.init_duration_ms', 'aws.lambda.restore_duration_ms',
    'aws.lambda.billed_restore_duration_ms', 'aws.lambda.runtime_duration_ms', 'aws.lambda.produced_bytes',
    'aws.lambda.memory_size_mb', 'aws.lambda.max_memory_used_mb', 'aws.lambda.memory_exhausted', 'aws.lambda.timeout_seconds',
    'aws.lambda.initialization_type', 'aws.lambda.runtime_version', 'aws.lambda.runtime_version_arn', 'aws.lambda.xray_sampled',
    'aws.lambda.extension.name', 'aws.lambda.extension.state', 'aws.lambda.extension.events',
    'aws.lambda.telemetry_subscription.name', 'aws.lambda.telemetry_subscription.state', 'aws.lambda.telemetry_subscription.types',
    'aws.lambda.logs_dropped.reason', 'aws.lambda.logs_dropped.records', 'aws.lambda.logs_dropped.bytes',
  ],
  open: ['json.'],
};

const CLOUDTRAIL: SourceFields = {
  fields: [
    ...ERROR,
    'user.id', 'user.name', 'user.target.name',
    'source.address', 'source.ip', 'source.domain', 'user_agent.original', 'related.ip', 'related.user',
  ],
  open: ['aws.cloudtrail.'],
};

const VPCFLOW: SourceFields = {
  fields: [
    'source.ip', 'source.port', 'destination.ip', 'destination.port',
    'network.bytes', 'network.packets', 'network.transport', 'network.type', 'network.iana_number', 'network.direction',
    'related.ip', 'cloud.instance.id',
  ],
  open: ['aws.vpcflow.'],
};

const APIGATEWAY: SourceFields = {
  fields: [
    'http.request.id', 'http.request.method', 'http.response.status_code', 'http.response.body.bytes', 'http.version',
    'url.path', 'url.domain', 'user_agent.original', 'source.address', 'source.ip',
    'user.id', 'user.name', 'user.email', 'related.ip', 'related.user',
  ],
  open: ['aws.apigateway.'],
};

const APPLICATION: SourceFields = {
  fields: [
    ...ERROR,
    'log.syslog.appname', 'log.syslog.hostname', 'log.syslog.procid', 'log.syslog.msgid', 'log.syslog.version', 'log.syslog.priority',
    'log.syslog.facility.code', 'log.syslog.facility.name', 'log.syslog.severity.code', 'log.syslog.severity.name',
    'process.name', 'process.pid',
  ],
  open: ['json.'],
};

const BY_SOURCE: Readonly<Record<SourceType, SourceFields>> = { lambda: LAMBDA, cloudtrail: CLOUDTRAIL, vpcflow: VPCFLOW, apigateway: APIGATEWAY, application: APPLICATION };

export class FieldCatalog {
  private readonly exact = new Map<SourceType, ReadonlySet<string>>();

  constructor() {
    for (const source of SOURCE_TYPES) {
      const names = new Set<string>();
      for (const field of [...ENVELOPE, ...BY_SOURCE[source].fields]) {
        // Objects on the way to a field may be tested too (`field|exists`).
        const parts = field.split('.');
        for (let i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('.'));
      }
      this.exact.set(source, names);
    }
  }

  /** Whether events of the source can carry the field. */
  has(source: SourceType, field: string): boolean {
    if (this.exact.get(source)?.has(field) === true) return true;
    return BY_SOURCE[source].open.some((prefix) => field.startsWith(prefix) || field === prefix.slice(0, -1));
  }

  /** Every field listed for a source (the envelope's included), for documentation. */
  listed(source: SourceType): readonly string[] {
    return [...ENVELOPE, ...BY_SOURCE[source].fields];
  }

  /** The open subtrees of a source, for messages. */
  openSubtrees(source: SourceType): readonly string[] {
    return BY_SOURCE[source].open.map((prefix) => `${prefix}*`);
  }
}
