import { boolean, date, flatObject, keyword, keywords, object, text } from './field-types';
import type { FieldMapping } from './field-types';

/**
 * `aws.cloudtrail`: the CloudTrail record whole (A8). The fields detection and analysts filter
 * on are explicit keywords under their CloudTrail names (SigmaHQ rules use them through a
 * field-name pipeline). `sourceIPAddress` is a keyword, not `ip`: it can be a service name
 * (`lambda.amazonaws.com`) or `AWS Internal`; `source.ip` holds it when it is an address. The
 * per-API parts, whose keys depend on the call, are `flat_object`: searchable, never mapped
 * key by key (checklist 29). Anything else stays in `_source`.
 */
export const CLOUDTRAIL_MAPPING: FieldMapping = object({
  eventVersion: keyword(),
  eventID: keyword(),
  eventTime: date,
  eventSource: keyword(),
  eventName: keyword(),
  eventType: keyword(),
  eventCategory: keyword(),
  awsRegion: keyword(),
  sourceIPAddress: keyword(),
  userAgent: keyword(),
  errorCode: keyword(),
  errorMessage: text,
  requestID: keyword(),
  sharedEventID: keyword(),
  recipientAccountId: keyword(),
  vpcEndpointId: keyword(),
  apiVersion: keyword(),
  readOnly: boolean,
  managementEvent: boolean,
  sessionCredentialFromConsole: keyword(),
  userIdentity: object({
    type: keyword(),
    principalId: keyword(),
    arn: keyword(),
    accountId: keyword(),
    userName: keyword(),
    invokedBy: keyword(),
    accessKeyId: keyword(),
    sessionContext: object({
      sessionIssuer: keywords('type', 'principalId', 'arn', 'accountId', 'userName'),
      attributes: object({ creationDate: date, mfaAuthenticated: keyword() }),
      sourceIdentity: keyword(),
    }),
  }),
  tlsDetails: keywords('tlsVersion', 'cipherSuite', 'clientProvidedHostHeader'),
  requestParameters: flatObject,
  responseElements: flatObject,
  additionalEventData: flatObject,
  serviceEventDetails: flatObject,
  resources: flatObject,
});
