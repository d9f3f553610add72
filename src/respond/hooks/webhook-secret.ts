import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { WebhookHookConfig } from '../config/hook-config';
import type { AwsClients } from './aws-clients';
import type { IamStatement } from './hook';

/** Re-read after this long, so a rotated signing secret is picked up without a redeploy. */
export const WEBHOOK_SECRET_TTL_MS = 5 * 60_000;

/** Reads a webhook's signing secret where its configuration says it is; undefined when there is none. */
export type WebhookSecretReader = (config: WebhookHookConfig) => Promise<string | undefined>;

/** Where the secret is, in words for error messages (never the value). */
export function describeSecretSource(config: WebhookHookConfig): string {
  if (config.secretArn !== undefined) return `the secret ${config.secretArn}`;
  if (config.secretParameter !== undefined) return `the SSM parameter ${config.secretParameter}`;
  return `the variable ${config.secretEnv ?? '(none)'}`;
}

/**
 * Secrets from the environment as they are; from Secrets Manager or SSM Parameter Store at first
 * use, then again after a TTL (a failed read is not cached, so the next action tries again).
 */
export function webhookSecretReader(env: Readonly<Record<string, string | undefined>>, aws: Pick<AwsClients, 'secretsManager' | 'ssm'>, now: () => number = Date.now): WebhookSecretReader {
  const cache = new Map<string, { readonly at: number; readonly value: Promise<string | undefined> }>();
  return (config) => {
    if (config.secretEnv !== undefined) return Promise.resolve(env[config.secretEnv] || undefined);
    const key = config.secretArn ?? config.secretParameter ?? '';
    const cached = cache.get(key);
    if (cached !== undefined && now() - cached.at < WEBHOOK_SECRET_TTL_MS) return cached.value;
    const value = readStored(config, aws).catch((err: unknown) => {
      cache.delete(key);
      throw err;
    });
    cache.set(key, { at: now(), value });
    return value;
  };
}

async function readStored(config: WebhookHookConfig, aws: Pick<AwsClients, 'secretsManager' | 'ssm'>): Promise<string | undefined> {
  if (config.secretArn !== undefined) {
    const result = await aws.secretsManager().send(new GetSecretValueCommand({ SecretId: config.secretArn }));
    return result.SecretString || undefined;
  }
  if (config.secretParameter !== undefined) {
    const result = await aws.ssm().send(new GetParameterCommand({ Name: config.secretParameter, WithDecryption: true }));
    return result.Parameter?.Value || undefined;
  }
  return undefined;
}

/** Exactly the read of the webhook's own secret; a secret in the environment needs nothing. */
export function webhookSecretPermissions(config: WebhookHookConfig): IamStatement[] {
  if (config.secretArn !== undefined) return [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [config.secretArn] }];
  if (config.secretParameter !== undefined) {
    return [{ Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: [`arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${config.secretParameter}`] }];
  }
  return [];
}
