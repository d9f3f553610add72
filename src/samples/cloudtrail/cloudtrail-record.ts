import type { SamplePrng } from '../prng';
import type { AttackKind, SampleLogEvent } from '../sample-event';
import { isoSeconds } from '../sample-time';
import type { SampleTimeline } from '../timeline';

export type JsonObject = { readonly [key: string]: unknown };

/** Global services (IAM, console sign-in) record their events in us-east-1. */
export const GLOBAL_REGION = 'us-east-1';

/** One API call as CloudTrail records it; the builder fills the common fields (A8). */
export interface CloudTrailCall {
  readonly time: number;
  readonly identity: JsonObject;
  readonly eventSource: string;
  readonly eventName: string;
  readonly region?: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly request?: JsonObject | null;
  readonly response?: JsonObject | null;
  readonly additionalEventData?: JsonObject;
  readonly error?: { readonly code?: string; readonly message: string };
  readonly readOnly: boolean;
  readonly resources?: readonly JsonObject[];
  readonly eventType?: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent';
  readonly category?: 'Management' | 'Data';
  /** Calls made over the internet carry tlsDetails with the host the client asked for. */
  readonly tlsHost?: string;
  readonly fromConsole?: boolean;
  /** AWS-internal calls made for another service carry a sharedEventID. */
  readonly shared?: boolean;
  /** Console sign-ins have no requestID. */
  readonly noRequestId?: boolean;
  readonly requestId?: string;
  readonly attacks?: readonly AttackKind[];
}

/**
 * The log event CloudTrail delivers to its CloudWatch Logs group for a call (A8): one JSON record
 * per message, with CloudTrail's key order, in the stream `<account>_CloudTrail_<region>`.
 */
export function cloudTrailEvent(prng: SamplePrng, timeline: SampleTimeline, call: CloudTrailCall): SampleLogEvent {
  const region = call.region ?? timeline.region;
  const management = (call.category ?? 'Management') === 'Management';
  const record: Record<string, unknown> = {
    eventVersion: call.eventType === 'AwsConsoleSignIn' ? '1.09' : '1.10',
    userIdentity: call.identity,
    eventTime: isoSeconds(call.time),
    eventSource: call.eventSource,
    eventName: call.eventName,
    awsRegion: region,
    sourceIPAddress: call.sourceIp,
    userAgent: call.userAgent,
  };
  if (call.error?.code !== undefined) record['errorCode'] = call.error.code;
  if (call.error !== undefined) record['errorMessage'] = call.error.message;
  record['requestParameters'] = call.request ?? null;
  record['responseElements'] = call.response ?? null;
  if (call.additionalEventData !== undefined) record['additionalEventData'] = call.additionalEventData;
  if (call.noRequestId !== true) record['requestID'] = call.requestId ?? prng.uuid();
  record['eventID'] = prng.uuid();
  record['readOnly'] = call.readOnly;
  if (call.resources !== undefined) record['resources'] = call.resources;
  record['eventType'] = call.eventType ?? 'AwsApiCall';
  record['managementEvent'] = management;
  record['recipientAccountId'] = timeline.account;
  if (call.shared === true) record['sharedEventID'] = prng.uuid();
  record['eventCategory'] = call.category ?? 'Management';
  if (call.tlsHost !== undefined) {
    record['tlsDetails'] = { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: call.tlsHost };
  }
  if (call.fromConsole === true) record['sessionCredentialFromConsole'] = 'true';
  const timestamp = Math.floor(call.time / 1000) * 1000;
  return {
    logGroup: timeline.cloudTrailLogGroup,
    logStream: `${timeline.account}_CloudTrail_${region}`,
    timestamp,
    message: JSON.stringify(record),
    ...(call.attacks === undefined || call.attacks.length === 0 ? {} : { attacks: call.attacks }),
  };
}

/** The host name a client connects to for a service in a region. */
export function serviceHost(eventSource: string, region: string): string {
  const service = eventSource.replace('.amazonaws.com', '');
  if (service === 'iam') return 'iam.amazonaws.com';
  if (service === 'signin') return 'signin.aws.amazon.com';
  return `${service}.${region}.amazonaws.com`;
}
