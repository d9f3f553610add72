import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventBridgeHookConfig } from '../config/hook-config';
import { alertPayload, MAX_NOTIFICATION_BYTES } from './alert-payload';
import type { AwsClients } from './aws-clients';
import { callOf, STACK } from './aws-call';
import { classifyAwsError } from './aws-errors';
import type { Hook } from './hook';

/** The `detail-type` of every event: stable, so EventBridge rules can match on it. */
export const ALERT_DETAIL_TYPE = 'Logwarden Alert';

const TRANSIENT_ENTRY_ERRORS = new Set(['ThrottlingException', 'InternalFailure', 'InternalException']);

/** PutEvents of one event per action: `detail` is `{action_id, hook, alert}` with the alert masked. */
export function createEventBridgeHook(name: string, config: EventBridgeHookConfig, clients: AwsClients): Hook {
  return {
    name,
    config,
    plan(context) {
      const entry = {
        EventBusName: config.eventBus,
        Source: config.source,
        DetailType: ALERT_DETAIL_TYPE,
        // The entry's 256 KB counts source, detail-type and resources too.
        Detail: alertPayload(context.alert, MAX_NOTIFICATION_BYTES - 4_096, { action_id: context.actionId, hook: name }),
        Resources: [],
      };
      return { ok: true, plan: { target: config.eventBus, request: { calls: [{ service: 'eventbridge', operation: 'PutEvents', input: { Entries: [entry] } }] } } };
    },
    async execute(plan) {
      const call = callOf(plan.request, 'PutEvents');
      try {
        const result = await clients.eventBridge().send(new PutEventsCommand(call.input as unknown as ConstructorParameters<typeof PutEventsCommand>[0]));
        const entry = result.Entries?.[0];
        if ((result.FailedEntryCount ?? 0) === 0 && entry?.EventId !== undefined) return { kind: 'done', detail: { eventId: entry.EventId } };
        const code = entry?.ErrorCode ?? 'unknown';
        const error = `events:PutEvents: ${code}: ${entry?.ErrorMessage ?? 'the entry was not accepted'}`;
        return TRANSIENT_ENTRY_ERRORS.has(code) ? { kind: 'transient', error } : { kind: 'permanent', error };
      } catch (err) {
        return classifyAwsError('events:PutEvents', err);
      }
    },
    permissions() {
      const bus = config.eventBus.startsWith('arn:') ? config.eventBus : `arn:${STACK.partition}:events:${STACK.region}:${STACK.account}:event-bus/${config.eventBus}`;
      return [{ Effect: 'Allow', Action: ['events:PutEvents'], Resource: [bus] }];
    },
  };
}
