import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { LambdaHookConfig } from '../config/hook-config';
import { alertPayload, MAX_NOTIFICATION_BYTES } from './alert-payload';
import type { AwsClients } from './aws-clients';
import { callOf } from './aws-call';
import { classifyAwsError } from './aws-errors';
import type { Hook } from './hook';

/**
 * Invokes a function asynchronously (`InvocationType: Event`) with `{action_id, hook, alert}`:
 * Lambda queues it and answers 202; the function's own retries and destinations take over.
 */
export function createLambdaHook(name: string, config: LambdaHookConfig, clients: AwsClients): Hook {
  return {
    name,
    config,
    plan(context) {
      const input = {
        FunctionName: config.functionArn,
        InvocationType: 'Event',
        Payload: alertPayload(context.alert, MAX_NOTIFICATION_BYTES, { action_id: context.actionId, hook: name }),
      };
      return { ok: true, plan: { target: config.functionArn, request: { calls: [{ service: 'lambda', operation: 'Invoke', input }] } } };
    },
    async execute(plan) {
      const call = callOf(plan.request, 'Invoke');
      const payload = call.input['Payload'];
      try {
        const result = await clients.lambda().send(
          new InvokeCommand({
            FunctionName: String(call.input['FunctionName']),
            InvocationType: 'Event',
            Payload: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload ?? {}), 'utf8'),
          }),
        );
        if (result.StatusCode === 202) return { kind: 'done', detail: { status: 202 } };
        return { kind: 'permanent', error: `lambda:InvokeFunction answered ${result.StatusCode ?? 'no status'} instead of 202` };
      } catch (err) {
        return classifyAwsError('lambda:InvokeFunction', err);
      }
    },
    permissions() {
      const unqualified = config.functionArn.split(':').slice(0, 7).join(':');
      return [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [unqualified, `${unqualified}:*`] }];
    },
  };
}
