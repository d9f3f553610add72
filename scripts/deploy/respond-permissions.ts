import type { HookConfig } from '../../src/respond/config/hook-config';
import type { ResponsesConfig } from '../../src/respond/config/responses-config';
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

/** The same ARN, with the partition from the stack when it names the aws partition. */
function inStackPartition(arn: string): CfnObject | string {
  return arn.startsWith('arn:aws:') ? sub(arn.replace(/^arn:aws:/, 'arn:${AWS::Partition}:')) : arn;
}

/**
 * What respond's hooks may call in AWS, derived from the routing file it ships with (so the
 * permissions follow responses.yml): each notification hook its topic, bus or function; each
 * aws-action exactly the calls it makes, within this account, the deny-all attach limited to the
 * configured policy. Webhooks need nothing from IAM.
 */
export function respondHookStatements(config: ResponsesConfig): PolicyStatement[] {
  return Object.entries(config.hooks)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, hook]) => statementsFor(hook).map((s, i) => ({ Sid: `${sidOf(name)}${i === 0 ? '' : i}`, ...s })));
}

function sidOf(hookName: string): string {
  return `Hook${hookName.replace(/[^A-Za-z0-9]/g, '')}`;
}

function statementsFor(hook: HookConfig): Omit<PolicyStatement, 'Sid'>[] {
  switch (hook.type) {
    case 'webhook':
      return [];
    case 'sns':
      return [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: [inStackPartition(hook.topicArn)] }];
    case 'eventbridge': {
      const bus = hook.eventBus.startsWith('arn:') ? inStackPartition(hook.eventBus) : sub(`arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:event-bus/${hook.eventBus}`);
      return [{ Effect: 'Allow', Action: ['events:PutEvents'], Resource: [bus] }];
    }
    case 'lambda':
      return [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [inStackPartition(hook.functionArn)] }];
    case 'aws-action':
      switch (hook.action) {
        case 'deactivate-access-key':
          return [{ Effect: 'Allow', Action: ['iam:GetAccessKeyLastUsed', 'iam:UpdateAccessKey'], Resource: [sub(`${ACCOUNT}:user/*`)] }];
        case 'attach-deny-all-policy':
          return [
            {
              Effect: 'Allow',
              Action: hook.principalTypes.map((type) => (type === 'role' ? 'iam:AttachRolePolicy' : 'iam:AttachUserPolicy')).sort(),
              Resource: hook.principalTypes.map((type) => sub(`${ACCOUNT}:${type}/*`)),
              Condition: { ArnEquals: { 'iam:PolicyARN': inStackPartition(hook.policyArn) } },
            },
          ];
        case 'zero-function-concurrency':
          return [{ Effect: 'Allow', Action: ['lambda:PutFunctionConcurrency'], Resource: [sub('arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*')] }];
      }
  }
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
