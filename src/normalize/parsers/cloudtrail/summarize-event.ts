import { isIP } from 'node:net';
import { distinctStrings, stringOf, withoutEmpty, type FieldTree } from '../../field-tree';
import { classifyEvent, outcomeOf } from './event-classification';
import { userFields } from './user-identity';

/** The CloudTrail fields a record must have to be summarized (A8 "Common fields"). */
export interface RequiredFields {
  readonly eventName: string;
  readonly eventSource: string;
  readonly eventTime: string;
}

/**
 * The normalized fields of one CloudTrail event: the record whole under `aws.cloudtrail` (exact
 * CloudTrail names and nesting, which SigmaHQ's CloudTrail rules use through a field-name prefix
 * pipeline) and an ECS summary beside it. `cloud.account.id` is deliberately absent: the
 * envelope owner sets it (D3.1).
 */
export function summarizeEvent(event: FieldTree, required: RequiredFields): FieldTree {
  const { eventName, eventSource, eventTime } = required;
  const kind = classifyEvent(event, eventSource, eventName);
  const address = stringOf(event.sourceIPAddress);
  const ip = address !== undefined && isIP(address) !== 0 ? address : undefined;
  const users = userFields(event, eventSource);
  const summary = withoutEmpty({
    event: {
      action: eventName,
      provider: eventSource,
      created: eventTime,
      outcome: outcomeOf(event, eventSource, eventName),
      category: kind?.category.slice(),
      type: kind?.type.slice(),
    },
    cloud: { region: stringOf(event.awsRegion) },
    user_agent: { original: stringOf(event.userAgent) },
    error: { code: stringOf(event.errorCode), message: stringOf(event.errorMessage) },
    // sourceIPAddress is an address, the service that called on the caller's behalf
    // (`lambda.amazonaws.com`) or a phrase such as `AWS Internal`.
    source: { address, ip, domain: ip === undefined && address !== undefined && isHostName(address) ? address : undefined },
    user: users.user,
    related: { ip: distinctStrings([ip]), user: distinctStrings(users.names) },
  });
  return { ...summary, aws: { cloudtrail: event } };
}

/** Dot-separated labels of letters, digits and hyphens (a character loop: no regex on untrusted text). */
function isHostName(text: string): boolean {
  if (text.length > 253 || !text.includes('.') || text.startsWith('.') || text.endsWith('.') || text.includes('..')) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
    if (!ok) return false;
  }
  return true;
}
