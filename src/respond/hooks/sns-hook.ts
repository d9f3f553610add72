import { PublishCommand } from '@aws-sdk/client-sns';
import type { SnsHookConfig } from '../config/hook-config';
import { alertPayload, MAX_NOTIFICATION_BYTES } from './alert-payload';
import type { AwsClients } from './aws-clients';
import { callOf } from './aws-call';
import { classifyAwsError } from './aws-errors';
import type { Hook } from './hook';

/** Publishes the alert (masked) to a topic; attributes carry the ids and level so subscriptions can filter. */
export function createSnsHook(name: string, config: SnsHookConfig, clients: AwsClients): Hook {
  return {
    name,
    config,
    plan(context) {
      const { alert } = context;
      const input = {
        TopicArn: config.topicArn,
        Subject: subjectOf(config.subject ?? `Logwarden ${alert.rule.level ?? 'alert'}: ${alert.rule.title}`),
        Message: alertPayload(alert, MAX_NOTIFICATION_BYTES - 4_096, { action_id: context.actionId, hook: name }),
        MessageAttributes: {
          alert_id: { DataType: 'String', StringValue: alert.alert.id },
          rule_id: { DataType: 'String', StringValue: alert.rule.id },
          level: { DataType: 'String', StringValue: alert.rule.level ?? 'unknown' },
          action_id: { DataType: 'String', StringValue: context.actionId },
        },
      };
      return { ok: true, plan: { target: config.topicArn, request: { calls: [{ service: 'sns', operation: 'Publish', input }] } } };
    },
    async execute(plan) {
      const call = callOf(plan.request, 'Publish');
      try {
        const result = await clients.sns().send(new PublishCommand(call.input as unknown as ConstructorParameters<typeof PublishCommand>[0]));
        return { kind: 'done', detail: { messageId: result.MessageId ?? '' } };
      } catch (err) {
        return classifyAwsError('sns:Publish', err);
      }
    },
    permissions() {
      return [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: [config.topicArn] }];
    },
  };
}

/** SNS subjects: printable ASCII, no line breaks, under 100 characters. */
function subjectOf(text: string): string {
  const ascii = text.replace(/[^\x20-\x7E]/g, '?').trim();
  return (ascii === '' ? 'Logwarden alert' : ascii).slice(0, 99);
}
