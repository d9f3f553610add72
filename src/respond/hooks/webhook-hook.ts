import { z } from 'zod';
import { durationMs } from '../config/durations';
import type { WebhookHookConfig } from '../config/hook-config';
import { alertPayload } from './alert-payload';
import type { Hook } from './hook';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';
import { checkWebhookUrl } from './webhook-url';
import type { AwsClients } from './aws-clients';
import { describeSecretSource, webhookSecretPermissions, webhookSecretReader } from './webhook-secret';
import type { WebhookSecretReader } from './webhook-secret';

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT = '10s';

const requestSchema = z.strictObject({
  method: z.literal('POST'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

export interface WebhookDeps {
  /** Where a secret named by `secretEnv` is read (process.env in Lambda). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
  /** Reads stored secrets (`secretArn`, `secretParameter`); built from `env` and the AWS clients when absent. */
  readonly readSecret?: WebhookSecretReader;
}

/**
 * POSTs the alert (masked, as indexed) as JSON, signed (webhook-signature.ts). 2xx is done;
 * 408, 425, 429, 5xx, timeouts and connection errors are retried; any other status is a
 * permanent failure. Redirects are not followed: they would lead the signed alert elsewhere.
 */
export function createWebhookHook(name: string, config: WebhookHookConfig, deps: WebhookDeps & { readonly aws?: Pick<AwsClients, 'secretsManager' | 'ssm'> }): Hook {
  const readSecret = deps.readSecret ?? (deps.aws === undefined ? envOnly(deps.env) : webhookSecretReader(deps.env, deps.aws));
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
      let secret: string | undefined;
      try {
        secret = await readSecret(config);
      } catch (err) {
        // Throttling or a network blip: retried; a missing secret or a denied read keeps failing, then dead-letters.
        return { kind: 'transient', error: `could not read the signing secret from ${describeSecretSource(config)}: ${(err as Error).name}: ${(err as Error).message}` };
      }
      if (secret === undefined || secret === '') return { kind: 'permanent', error: `the signing secret in ${describeSecretSource(config)} is not set` };
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
      return webhookSecretPermissions(config);
    },
  };
}

function envOnly(env: Readonly<Record<string, string | undefined>>): WebhookSecretReader {
  return async (config) => (config.secretEnv === undefined ? undefined : env[config.secretEnv] || undefined);
}
