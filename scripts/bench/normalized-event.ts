/**
 * The shape of the normalized events the benchmark feeds the engine (DESIGN.md "Normalized
 * event"): ECS field names, CloudWatch envelope under aws.cloudwatch, Lambda platform fields
 * under aws.lambda, CloudTrail records kept whole under aws.cloudtrail, raw line in event.original.
 * Written here because the benchmark needs it before the normalizer exists; values are nested
 * objects, as ECS documents are, so dotted rule fields resolve through the nested lookup.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface CloudTrailIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
}

/** A CloudTrail record as AWS writes it (CloudTrail User Guide, "CloudTrail record contents"). */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: CloudTrailIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: string;
  managementEvent: boolean;
  recipientAccountId: string;
  eventCategory: string;
}

export interface LambdaPlatformFields {
  request_id: string;
  version?: string;
  duration_ms?: number;
  billed_duration_ms?: number;
  memory_size_mb?: number;
  max_memory_used_mb?: number;
  init_duration_ms?: number;
}

export interface NormalizedEvent {
  '@timestamp': string;
  message?: string;
  event: {
    kind: 'event';
    category: string[];
    type: string[];
    dataset: string;
    original: string;
    action?: string;
    provider?: string;
    outcome?: 'success' | 'failure' | 'unknown';
  };
  log?: { level: string };
  cloud: { provider: 'aws'; region: string; account: { id: string } };
  faas?: { name: string; version?: string; execution?: string; coldstart?: boolean };
  aws: {
    cloudwatch: { log_group: string; log_stream: string; event_id: string; owner: string };
    lambda?: LambdaPlatformFields;
    cloudtrail?: CloudTrailRecord;
  };
  http?: { request: { method: string }; response: { status_code: number } };
  url?: { path: string; query?: string };
  user_agent?: { original: string };
  source?: { ip: string };
  error?: { type: string; message: string; stack_trace?: string };
  trace?: { id: string };
}

/** The three source families the generator produces; attack content is mixed into them. */
export const EVENT_DATASETS = {
  lambdaApp: 'aws.lambda',
  lambdaPlatform: 'aws.lambda.platform',
  cloudtrail: 'aws.cloudtrail',
} as const;
