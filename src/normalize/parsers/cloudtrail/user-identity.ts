import { isPlainObject, stringOf, type FieldTree } from '../../field-tree';

/** ECS `user.*` of a CloudTrail event, and every name it involves (for `related.user`). */
export interface UserFields {
  readonly user: FieldTree;
  readonly names: readonly (string | undefined)[];
}

/**
 * From `userIdentity`: `user.id` is the principalId; `user.name` is the userName, else the last
 * part of the ARN (the session name of an assumed role, the federated user, `root`), else the
 * service that acted (`invokedBy`). `user.target.name` is the IAM user an IAM call acts on
 * (CreateAccessKey for another user), so both sides are searchable without the record.
 */
export function userFields(event: FieldTree, eventSource: string): UserFields {
  const identity = isPlainObject(event.userIdentity) ? event.userIdentity : {};
  const name = stringOf(identity.userName) ?? nameFromArn(stringOf(identity.arn)) ?? stringOf(identity.invokedBy);
  const target = eventSource === 'iam.amazonaws.com' && isPlainObject(event.requestParameters)
    ? stringOf(event.requestParameters.userName)
    : undefined;
  return {
    user: { id: stringOf(identity.principalId), name, target: { name: target } },
    names: [name, sessionIssuerName(identity), target],
  };
}

function sessionIssuerName(identity: FieldTree): string | undefined {
  const context = identity.sessionContext;
  if (!isPlainObject(context) || !isPlainObject(context.sessionIssuer)) return undefined;
  return stringOf(context.sessionIssuer.userName);
}

/** `arn:aws:sts::111122223333:assumed-role/ops/ops-session` → `ops-session`; `arn:aws:iam::111122223333:root` → `root`. */
function nameFromArn(arn: string | undefined): string | undefined {
  if (arn === undefined || !arn.startsWith('arn:')) return undefined;
  const resource = arn.split(':').slice(5).join(':');
  const slash = resource.lastIndexOf('/');
  return stringOf(slash < 0 ? resource : resource.slice(slash + 1));
}
