import { boolean, double, flatObject, keyword, keywords, long, object } from './field-types';
import type { Properties } from './field-types';

/** `aws.lambda.*`: platform fields of Lambda log lines (A3, A6); REPORT durations are fractional ms. */
const LAMBDA = object({
  version: keyword(),
  status: keyword(),
  error_type: keyword(),
  phase: keyword(),
  initialization_type: keyword(),
  runtime_version: keyword(),
  runtime_version_arn: keyword(),
  tenant_id: keyword(),
  init_error: boolean,
  memory_exhausted: boolean,
  xray_sampled: boolean,
  timeout_seconds: double,
  duration_ms: double,
  billed_duration_ms: long,
  init_duration_ms: double,
  restore_duration_ms: double,
  billed_restore_duration_ms: long,
  runtime_duration_ms: double,
  memory_size_mb: long,
  max_memory_used_mb: long,
  produced_bytes: long,
  extension: keywords('name', 'state', 'events'),
  telemetry_subscription: keywords('name', 'state', 'types'),
  logs_dropped: object({ records: long, bytes: long, reason: keyword() }),
});

/**
 * `aws.vpcflow.*`: the flow record as logged (A9), field names in snake_case, values as strings;
 * the typed ECS copies are `source.*`, `destination.*`, `network.*`. Fields of custom formats
 * newer than this list stay in `_source` only.
 */
const VPC_FLOW_FIELDS = [
  'version', 'account_id', 'interface_id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log_status',
  'vpc_id', 'subnet_id', 'instance_id', 'tcp_flags', 'type', 'pkt_srcaddr', 'pkt_dstaddr',
  'region', 'az_id', 'sublocation_type', 'sublocation_id',
  'pkt_src_aws_service', 'pkt_dst_aws_service', 'flow_direction', 'traffic_path',
] as const;

export const AWS_PROPERTIES: Properties = {
  cloudwatch: keywords('log_group', 'log_stream', 'event_id', 'owner', 'subscription_filters'),
  lambda: LAMBDA,
  vpcflow: keywords(...VPC_FLOW_FIELDS),
  // An access log record's keys are whatever the stage's template chose (A10).
  apigateway: flatObject,
};
