import { GetAccessKeyLastUsedCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import type { DeactivateAccessKeyConfig } from '../config/hook-config';
import { alertLocation, documentsOf } from './alert-location';
import { candidateValues, firstValid } from './alert-values';
import type { AwsClients } from './aws-clients';
import { callOf, STACK } from './aws-call';
import { classifyAwsError } from './aws-errors';
import { isValidIamName, validateAccessKeyId, validateAccount } from './aws-identifiers';
import type { Hook } from './hook';

/** Stands in the plan for the user name GetAccessKeyLastUsed returns at execution. */
export const OWNER_PLACEHOLDER = '<owner of the key, from GetAccessKeyLastUsed>';

/**
 * Deactivates (never deletes) an IAM user's long-term access key: reversible with
 * `aws iam update-access-key --status Active`. The key's owner is looked up first
 * (GetAccessKeyLastUsed answers only for keys of this account, so a key id from elsewhere fails
 * there), and protected users are refused.
 */
export function createDeactivateAccessKeyHook(name: string, config: DeactivateAccessKeyConfig, clients: AwsClients): Hook {
  return {
    name,
    config,
    plan(context) {
      const key = firstValid(candidateValues(config.accessKeyId, documentsOf(context)), validateAccessKeyId, 'access key id');
      if (!key.ok) return key;
      const { account } = alertLocation(context);
      const accountProblem = account === undefined ? 'the alert has no account (cloud.account.id)' : validateAccount(account, context.accounts);
      if (accountProblem !== undefined) return { ok: false, error: accountProblem };
      const calls = [
        { service: 'iam', operation: 'GetAccessKeyLastUsed', input: { AccessKeyId: key.value.accessKeyId } },
        { service: 'iam', operation: 'UpdateAccessKey', input: { UserName: OWNER_PLACEHOLDER, AccessKeyId: key.value.accessKeyId, Status: 'Inactive' } },
      ];
      return { ok: true, plan: { target: key.value.accessKeyId, request: { account, calls } } };
    },
    async execute(plan) {
      const accessKeyId = String(callOf(plan.request, 'UpdateAccessKey').input['AccessKeyId']);
      if (typeof validateAccessKeyId(accessKeyId) === 'string') return { kind: 'permanent', error: `invalid access key id in the plan: ${accessKeyId}` };
      let userName: string | undefined;
      try {
        userName = (await clients.iam().send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }))).UserName;
      } catch (err) {
        return classifyAwsError('iam:GetAccessKeyLastUsed', err);
      }
      if (userName === undefined || !isValidIamName(userName)) return { kind: 'permanent', error: `access key ${accessKeyId} belongs to no IAM user of this account` };
      if (config.protectedUsers.includes(userName)) return { kind: 'permanent', error: `user ${userName} is protected (protectedUsers)` };
      try {
        await clients.iam().send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: 'Inactive' }));
        return { kind: 'done', detail: { userName, accessKeyId, undo: `aws iam update-access-key --user-name ${userName} --access-key-id ${accessKeyId} --status Active` } };
      } catch (err) {
        return classifyAwsError('iam:UpdateAccessKey', err);
      }
    },
    permissions(accounts) {
      return [{ Effect: 'Allow', Action: ['iam:GetAccessKeyLastUsed', 'iam:UpdateAccessKey'], Resource: accounts.map((a) => `arn:${STACK.partition}:iam::${a}:user/*`) }];
    },
  };
}
