import type { CfnResource, CfnTemplate } from './packaged-stack';

export type Statement = {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: unknown;
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
};

export function resourcesOfType(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export function resource(template: CfnTemplate, logicalId: string): CfnResource {
  const found = template.Resources[logicalId];
  if (found === undefined) throw new Error(`the template has no resource ${logicalId}`);
  return found;
}

export function props(template: CfnTemplate, logicalId: string): Record<string, unknown> {
  return resource(template, logicalId).Properties ?? {};
}

const NO_VALUE = { Ref: 'AWS::NoValue' };

/** Every value a property can take: both branches of an `Fn::If`, without `AWS::NoValue`. */
export function possibleValues(value: unknown): unknown[] {
  if (value !== null && typeof value === 'object' && 'Fn::If' in value) {
    const [, whenTrue, whenFalse] = (value as { 'Fn::If': [string, unknown, unknown] })['Fn::If'];
    return [...possibleValues(whenTrue), ...possibleValues(whenFalse)];
  }
  return JSON.stringify(value) === JSON.stringify(NO_VALUE) ? [] : [value];
}

/** The statements a policy document can hold, conditional ones included. */
export function statementsOf(document: unknown): Statement[] {
  const statement = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.flatMap(possibleValues) as Statement[];
}

/** Every statement of a role's inline policies. */
export function roleStatements(template: CfnTemplate, roleId: string): Statement[] {
  const policies = (props(template, roleId)['Policies'] ?? []) as { PolicyDocument: unknown }[];
  return policies.flatMap((policy) => statementsOf(policy.PolicyDocument));
}

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
export const actionsOf = (statement: Statement): string[] => asList(statement.Action) as string[];

/** The function names of the pipeline, with the logical ids Serverless gives them. */
export const FUNCTIONS = [
  { name: 'forward', id: 'Forward', role: 'ForwardRole' },
  { name: 'normalize', id: 'Normalize', role: 'NormalizeRole' },
  { name: 'detect', id: 'Detect', role: 'DetectRole' },
  { name: 'index-events', id: 'IndexDashevents', role: 'IndexEventsRole' },
  { name: 'respond', id: 'Respond', role: 'RespondRole' },
] as const;

export const STREAM_CONSUMERS = [
  { name: 'normalize', id: 'Normalize', stream: 'RawStream' },
  { name: 'detect', id: 'Detect', stream: 'NormalizedStream' },
  { name: 'index-events', id: 'IndexDashevents', stream: 'NormalizedStream' },
  { name: 'respond', id: 'Respond', stream: 'AlertsStream' },
] as const;
