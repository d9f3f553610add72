import type { ResponsesConfig } from '../../src/respond/config/responses-config';
import { STACK } from '../../src/respond/hooks/aws-call';
import { lazyAwsClients } from '../../src/respond/hooks/aws-clients';
import { createHooks } from '../../src/respond/hooks/create-hooks';
import type { IamStatement } from '../../src/respond/hooks/hook';
import type { CfnObject } from './cloudformation';
import { ref, sub } from './cloudformation';

/** An IAM policy statement, as CloudFormation data. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource: readonly unknown[];
  readonly Condition?: CfnObject;
}

const ACCOUNT = 'arn:${AWS::Partition}:iam::${AWS::AccountId}';

/**
 * A value of a hook's statement as CloudFormation: the stack's pseudo parameters (the hooks write
 * `${AWS::AccountId}` and the like) resolved with Fn::Sub, and an ARN of the aws partition put in
 * the stack's partition.
 */
function cfnValue(value: string): CfnObject | string {
  const inPartition = value.replace(/^arn:aws:/, 'arn:${AWS::Partition}:');
  return inPartition.includes('${AWS::') ? sub(inPartition) : inPartition;
}

function cfnStatement(sid: string, statement: IamStatement): PolicyStatement {
  const condition =
    statement.Condition === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(statement.Condition).map(([operator, keys]) => [
            operator,
            Object.fromEntries(Object.entries(keys).map(([key, v]) => [key, typeof v === 'string' ? cfnValue(v) : v.map(cfnValue)])),
          ]),
        );
  return { Sid: sid, Effect: statement.Effect, Action: statement.Action, Resource: statement.Resource.map(cfnValue), ...(condition === undefined ? {} : { Condition: condition }) };
}

/**
 * What respond's hooks may call in AWS, from the routing file it ships with: each hook states
 * exactly the permissions its `execute` uses (Hook.permissions), here within this stack's account.
 * Webhooks need nothing from IAM.
 */
export function respondHookStatements(config: ResponsesConfig): PolicyStatement[] {
  // Building hooks sends nothing: the AWS clients are created on first use.
  const hooks = createHooks(config, { env: {}, aws: lazyAwsClients(undefined) });
  return [...hooks.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((hook) => hook.permissions([STACK.account]).map((statement, i) => cfnStatement(`Hook${hook.name.replace(/[^A-Za-z0-9]/g, '')}${i === 0 ? '' : i}`, statement)));
}

/**
 * Whatever the routing file says, respond may not quarantine or throttle the pipeline itself: an
 * alert (which anyone who can write a log line can shape) must never stop Logwarden.
 */
export function pipelineProtection(statements: readonly PolicyStatement[], pipelinePrefix: string): PolicyStatement[] {
  const actions = new Set(statements.flatMap((s) => s.Action));
  const denied: PolicyStatement[] = [];
  const onRoles = ['iam:AttachRolePolicy'].filter((a) => actions.has(a));
  const onFunctions = ['lambda:PutFunctionConcurrency'].filter((a) => actions.has(a));
  if (onRoles.length > 0) denied.push({ Sid: 'NeverQuarantineThePipeline', Effect: 'Deny', Action: onRoles, Resource: [sub(`${ACCOUNT}:role/${pipelinePrefix}-*`)] });
  if (onFunctions.length > 0) denied.push({ Sid: 'NeverThrottleThePipeline', Effect: 'Deny', Action: onFunctions, Resource: [sub(`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${pipelinePrefix}-*`)] });
  return denied;
}

/** The hooks' permissions as a policy on respond's role; none when no hook calls AWS. */
export function respondHooksPolicy(config: ResponsesConfig, pipelinePrefix: string): Record<string, CfnObject> {
  const allowed = respondHookStatements(config);
  if (allowed.length === 0) return {};
  const statements = [...allowed, ...pipelineProtection(allowed, pipelinePrefix)];
  return {
    RespondHooksPolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'respond-hooks',
        Roles: [ref('RespondRole')],
        PolicyDocument: { Version: '2012-10-17', Statement: statements },
      },
    },
  };
}
