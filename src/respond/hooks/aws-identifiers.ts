/**
 * Strict shapes for identifiers taken from alerts before they reach an AWS call
 * (IAM reference_identifiers, Lambda function naming). Anything else is refused, so text an
 * attacker wrote into a log cannot widen what a hook touches.
 */

/** Long-term IAM user keys only: temporary (ASIA…) credentials cannot be deactivated. */
const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{16}$/;
const IAM_NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;
const IAM_PATH = /^\/(?:[\x21-\x7E]{0,510}\/)?$/;
const ACCOUNT = /^\d{12}$/;
const PARTITION = /^aws(?:-cn|-us-gov)?$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export type Validated<T> = T | string;

export function validateAccessKeyId(value: string): Validated<{ readonly accessKeyId: string }> {
  return ACCESS_KEY_ID.test(value) ? { accessKeyId: value } : `'${preview(value)}' is not a long-term access key id (AKIA and 16 characters)`;
}

export function validateAccount(account: string, allowed: readonly string[]): string | undefined {
  if (!ACCOUNT.test(account)) return `'${preview(account)}' is not an account id`;
  return allowed.includes(account) ? undefined : `account ${account} is not in the accounts allow-list`;
}

export interface IamPrincipal {
  readonly kind: 'role' | 'user';
  readonly account: string;
  readonly partition: string;
  readonly name: string;
  /** The canonical ARN of the role or user (an assumed-role session is mapped to its role). */
  readonly arn: string;
}

/**
 * `arn:aws:iam::<account>:role/<path/>name`, `…:user/<path/>name`, or an STS assumed-role
 * session `arn:aws:sts::<account>:assumed-role/<role>/<session>` (the role is what is
 * quarantined). Service-linked roles (path `/aws-service-role/`) are refused: AWS manages them.
 */
export function parsePrincipalArn(value: string): Validated<IamPrincipal> {
  const parts = value.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn') return `'${preview(value)}' is not an ARN`;
  const [, partition = '', service, region, account = '', resource = ''] = parts;
  if (!PARTITION.test(partition) || region !== '' || !ACCOUNT.test(account)) return `'${preview(value)}' is not an IAM or STS ARN`;
  if (service === 'sts') {
    const match = /^assumed-role\/([A-Za-z0-9+=,.@_-]{1,64})\/[A-Za-z0-9+=,.@_-]{2,64}$/.exec(resource);
    if (match === null) return `'${preview(value)}' is not an assumed-role session ARN`;
    const name = match[1] as string;
    return { kind: 'role', account, partition, name, arn: `arn:${partition}:iam::${account}:role/${name}` };
  }
  if (service !== 'iam') return `'${preview(value)}' is not an IAM ARN`;
  const slash = resource.indexOf('/');
  const kind = resource.slice(0, slash);
  if (slash < 0 || (kind !== 'role' && kind !== 'user')) return `'${preview(value)}' names neither a role nor a user`;
  const rest = resource.slice(slash);
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  const path = rest.slice(0, rest.lastIndexOf('/') + 1);
  if (!IAM_NAME.test(name) || !IAM_PATH.test(path)) return `'${preview(value)}' has an invalid ${kind} name or path`;
  if (path.startsWith('/aws-service-role/') || path.startsWith('/aws-reserved/')) return `${kind} ${name} is managed by AWS (${path})`;
  return { kind, account, partition, name, arn: value };
}

export interface LambdaFunction {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** Unqualified function ARN: the call names the account, so it can never land in another one. */
  readonly arn: string;
}

/** A function name (with the alert's account and region) or an unqualified function ARN. */
export function parseFunction(value: string, account: string | undefined, region: string | undefined): Validated<LambdaFunction> {
  if (value.startsWith('arn:')) {
    const match = /^arn:(aws(?:-cn|-us-gov)?):lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,64})$/.exec(value);
    if (match === null || !REGION.test(match[2] as string)) return `'${preview(value)}' is not an unqualified Lambda function ARN`;
    return { name: match[4] as string, account: match[3] as string, region: match[2] as string, arn: value };
  }
  if (!FUNCTION_NAME.test(value)) return `'${preview(value)}' is not a Lambda function name`;
  if (account === undefined || !ACCOUNT.test(account)) return `the alert has no account (cloud.account.id) for function ${value}`;
  if (region === undefined || !REGION.test(region)) return `the alert has no region (cloud.region) for function ${value}`;
  return { name: value, account, region, arn: `arn:aws:lambda:${region}:${account}:function:${value}` };
}

export function isValidIamName(value: string): boolean {
  return IAM_NAME.test(value);
}

/** `logwarden-*` style patterns: `*` is any run of characters, nothing else is special. */
export function matchesNamePattern(name: string, pattern: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(name);
}

function preview(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
