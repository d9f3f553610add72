import { AttachRolePolicyCommand, AttachUserPolicyCommand } from '@aws-sdk/client-iam';
import type { AttachDenyAllPolicyConfig } from '../config/hook-config';
import { documentsOf } from './alert-location';
import { candidateValues, firstValid } from './alert-values';
import type { AwsClients } from './aws-clients';
import { callOf, STACK } from './aws-call';
import { classifyAwsError } from './aws-errors';
import { isValidIamName, matchesNamePattern, parsePrincipalArn, validateAccount } from './aws-identifiers';
import type { IamPrincipal } from './aws-identifiers';
import type { Hook } from './hook';

/**
 * Quarantines a role or user by attaching a deny-all managed policy (AWSDenyAll by default): an
 * explicit deny overrides every allow, including for sessions already issued, and detaching the
 * policy undoes it. The principal comes from the alert (an assumed-role session maps to its
 * role); it must be in an allowed account and not protected.
 */
export function createDenyAllPolicyHook(name: string, config: AttachDenyAllPolicyConfig, clients: AwsClients): Hook {
  const protectedNames = [...config.protectedNames, 'logwarden-*'];
  const validate = (accounts: readonly string[]) => (value: string): IamPrincipal | string => {
    const principal = parsePrincipalArn(value);
    if (typeof principal === 'string') return principal;
    if (!config.principalTypes.includes(principal.kind)) return `${principal.kind}s are not quarantined by this hook (principalTypes)`;
    const accountProblem = validateAccount(principal.account, accounts);
    if (accountProblem !== undefined) return accountProblem;
    if (protectedNames.some((p) => matchesNamePattern(principal.name, p))) return `${principal.kind} ${principal.name} is protected (protectedNames)`;
    return principal;
  };
  return {
    name,
    config,
    plan(context) {
      const principal = firstValid(candidateValues(config.principalArn, documentsOf(context)), validate(context.accounts), 'role or user ARN');
      if (!principal.ok) return principal;
      const p = principal.value;
      const call =
        p.kind === 'role'
          ? { service: 'iam', operation: 'AttachRolePolicy', input: { RoleName: p.name, PolicyArn: config.policyArn } }
          : { service: 'iam', operation: 'AttachUserPolicy', input: { UserName: p.name, PolicyArn: config.policyArn } };
      return { ok: true, plan: { target: p.arn, request: { account: p.account, calls: [call] } } };
    },
    async execute(plan) {
      const isRole = (plan.request['calls'] as { operation?: string }[] | undefined)?.[0]?.operation === 'AttachRolePolicy';
      const call = callOf(plan.request, isRole ? 'AttachRolePolicy' : 'AttachUserPolicy');
      const principalName = String(call.input[isRole ? 'RoleName' : 'UserName']);
      if (!isValidIamName(principalName) || protectedNames.some((p) => matchesNamePattern(principalName, p))) return { kind: 'permanent', error: `refusing to quarantine ${principalName}` };
      if (call.input['PolicyArn'] !== config.policyArn) return { kind: 'permanent', error: 'the plan names another policy than the hook' };
      try {
        if (isRole) await clients.iam().send(new AttachRolePolicyCommand({ RoleName: principalName, PolicyArn: config.policyArn }));
        else await clients.iam().send(new AttachUserPolicyCommand({ UserName: principalName, PolicyArn: config.policyArn }));
        const undo = `aws iam detach-${isRole ? 'role' : 'user'}-policy --${isRole ? 'role' : 'user'}-name ${principalName} --policy-arn ${config.policyArn}`;
        return { kind: 'done', detail: { [isRole ? 'roleName' : 'userName']: principalName, policyArn: config.policyArn, undo } };
      } catch (err) {
        return classifyAwsError(isRole ? 'iam:AttachRolePolicy' : 'iam:AttachUserPolicy', err);
      }
    },
    permissions(accounts) {
      // Only this policy can be attached: the condition keeps the grant from becoming a way to attach AdministratorAccess.
      const condition = { ArnEquals: { 'iam:PolicyARN': [config.policyArn] } };
      const statements = [];
      if (config.principalTypes.includes('role')) statements.push({ Effect: 'Allow' as const, Action: ['iam:AttachRolePolicy'], Resource: accounts.map((a) => `arn:${STACK.partition}:iam::${a}:role/*`), Condition: condition });
      if (config.principalTypes.includes('user')) statements.push({ Effect: 'Allow' as const, Action: ['iam:AttachUserPolicy'], Resource: accounts.map((a) => `arn:${STACK.partition}:iam::${a}:user/*`), Condition: condition });
      return statements;
    },
  };
}
