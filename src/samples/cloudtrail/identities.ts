import { isoSeconds } from '../sample-time';
import type { JsonObject } from './cloudtrail-record';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Unique ids of IAM users (AIDA…) and roles (AROA…): fixed per name, like the real ones, and
 * independent of the seed. Derived from the name with FNV-1a so no list needs to be kept.
 */
export function uniqueId(prefix: 'AIDA' | 'AROA', name: string): string {
  let h = 0x811c9dc5;
  let out = prefix;
  for (let i = 0; out.length < 21; i++) {
    h = Math.imul(h ^ (name.charCodeAt(i % name.length) + i), 0x01000193) >>> 0;
    out += BASE32[h % 32];
  }
  return out;
}

/** An IAM user; the console sign-in itself carries no access key, later console calls a session key. */
export function iamUser(account: string, userName: string, accessKeyId?: string, console?: { readonly since: number; readonly mfa: boolean }): JsonObject {
  const identity: Record<string, unknown> = {
    type: 'IAMUser',
    principalId: uniqueId('AIDA', userName),
    arn: `arn:aws:iam::${account}:user/${userName}`,
    accountId: account,
  };
  if (accessKeyId !== undefined) identity['accessKeyId'] = accessKeyId;
  identity['userName'] = userName;
  if (console !== undefined) identity['sessionContext'] = { attributes: { creationDate: isoSeconds(console.since), mfaAuthenticated: String(console.mfa) } };
  return identity;
}

export interface RoleSession {
  readonly account: string;
  readonly roleName: string;
  readonly sessionName: string;
  readonly accessKeyId: string;
  readonly since: number;
  readonly mfa?: boolean;
  /** Service-linked and service roles live under a path. */
  readonly rolePath?: string;
  readonly invokedBy?: string;
}

export function assumedRole(session: RoleSession): JsonObject {
  const roleId = uniqueId('AROA', session.roleName);
  const identity: Record<string, unknown> = {
    type: 'AssumedRole',
    principalId: `${roleId}:${session.sessionName}`,
    arn: `arn:aws:sts::${session.account}:assumed-role/${session.roleName}/${session.sessionName}`,
    accountId: session.account,
    accessKeyId: session.accessKeyId,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: roleId, arn: roleArn(session.account, session.roleName, session.rolePath), accountId: session.account, userName: session.roleName },
      webIdFederationData: {},
      attributes: { creationDate: isoSeconds(session.since), mfaAuthenticated: String(session.mfa ?? false) },
    },
  };
  if (session.invokedBy !== undefined) identity['invokedBy'] = session.invokedBy;
  return identity;
}

export function roleArn(account: string, roleName: string, path = '/'): string {
  return `arn:aws:iam::${account}:role${path}${roleName}`;
}

export function rootUser(account: string, console?: { readonly accessKeyId: string; readonly since: number }): JsonObject {
  const identity: Record<string, unknown> = { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account };
  if (console !== undefined) {
    identity['accessKeyId'] = console.accessKeyId;
    identity['sessionContext'] = { attributes: { creationDate: isoSeconds(console.since), mfaAuthenticated: 'false' } };
  }
  return identity;
}

export function awsService(service: string): JsonObject {
  return { type: 'AWSService', invokedBy: service };
}

export function githubWebIdentity(subject: string): JsonObject {
  return {
    type: 'WebIdentityUser',
    principalId: `token.actions.githubusercontent.com:sts.amazonaws.com:${subject}`,
    userName: subject,
    identityProvider: 'token.actions.githubusercontent.com',
  };
}
