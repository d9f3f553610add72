import { gzipSync } from 'node:zlib';
import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';

/** What CloudWatch Logs invokes a subscribed function with: the payload, gzipped, base64. */
export interface SubscriptionEvent {
  readonly awslogs: { readonly data: string };
}

export function toSubscriptionEvent(payload: SubscriptionPayload): SubscriptionEvent {
  return { awslogs: { data: gzipSync(JSON.stringify(payload)).toString('base64') } };
}
