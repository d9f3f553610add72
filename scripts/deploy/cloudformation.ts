import { createHash } from 'node:crypto';

/** A CloudFormation resource or output, as plain data. */
export type CfnObject = Readonly<Record<string, unknown>>;

export const ref = (logicalId: string): CfnObject => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): CfnObject => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const sub = (template: string): CfnObject => ({ 'Fn::Sub': template });

/**
 * A logical id for something named by the user (a log group): its letters and digits, cut short,
 * plus a hash of the whole name, so two names that differ only in punctuation never collide.
 */
export function logicalIdFor(prefix: string, name: string): string {
  const readable = name.replace(/[^A-Za-z0-9]/g, '').slice(0, 48);
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${prefix}${readable}${digest}`;
}
