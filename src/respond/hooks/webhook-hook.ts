import { z } from 'zod';
import { durationMs } from '../config/durations';
import type { WebhookHookConfig } from '../config/hook-config';
import { alertPayload } from './alert-payload';
import type { Hook } from './hook';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';
import { checkWebhookUrl } from './webhook-url';

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT = '10s';

const requestSchema = z.strictObject({
  method: z.literal('POST'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

export interface WebhookDeps {
  /** Where the signing secret is read, by the variable the hook names (process.env in Lambda). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
}

/**
 * POSTs the alert (masked, as indexed) as JSON, signed (webhook-signature.ts). 2xx is done;
 * 408, 425, 429, 5xx, timeouts and connection errors are retried; any other status is a
 * permanent failure. Redirects are not followed: they would lead the signed alert elsewhere.
 */
export function createWebhookHook(name: string, config: WebhookHookConfig, deps: WebhookDeps): Hook {
  const timeoutMs = durationMs(config.timeout ?? DEFAULT_TIMEOUT);
  const send = deps.fetch ?? fetch;
  return {
    name,
    config,
    plan(context) {
      const urlProblem = checkWebhookUrl(config.url);
      if (urlProblem !== undefined) return { ok: false, error: urlProblem };
      const body = alertPayload(context.alert, MAX_BODY_BYTES, { action_id: context.actionId, hook: name });
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'logwarden-respond/1',
        [WEBHOOK_HEADERS.actionId]: context.actionId,
        [WEBHOOK_HEADERS.alertId]: context.alert.alert.id,
      };
      return { ok: true, plan: { target: config.url, request: { method: 'POST', url: config.url, headers, body } } };
    },
    async execute(plan, context) {
      const request = requestSchema.parse(plan.request);
      const urlProblem = checkWebhookUrl(request.url);
      if (urlProblem !== undefined) return { kind: 'permanent', error: urlProblem };
      const secret = deps.env[config.secretEnv];
      if (secret === undefined || secret === '') return { kind: 'permanent', error: `the signing secret ${config.secretEnv} is not set` };
      const timestamp = Math.floor(context.now().getTime() / 1000);
      const headers = { ...request.headers, [WEBHOOK_HEADERS.timestamp]: String(timestamp), [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, request.body) };
      let response: Response;
      try {
        response = await send(request.url, { method: 'POST', headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        return { kind: 'transient', error: `POST ${request.url}: ${(err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${(err as Error).message}${cause === undefined ? '' : ` (${cause})`}`}` };
      }
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status >= 200 && status < 300) return { kind: 'done', detail: { status } };
      const error = `POST ${request.url}: HTTP ${status}`;
      return status === 408 || status === 425 || status === 429 || status >= 500 ? { kind: 'transient', error } : { kind: 'permanent', error };
    },
    permissions() {
      return [];
    },
  };
}
