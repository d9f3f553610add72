import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import type { StoredCredentialsSource } from './config';

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** Re-read after this long, so a rotated secret is picked up without a redeploy. */
export const STORED_CREDENTIALS_TTL_MS = 5 * 60_000;

const secretSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });

export interface StoredCredentialsClients {
  readonly secretsManager?: SecretsManagerClient;
  readonly ssm?: SSMClient;
}

/**
 * Reads basic-auth credentials where the deploy says they live (Secrets Manager or an SSM
 * SecureString), at first use and again after a TTL; a failed read is not cached. Errors name the
 * secret or parameter, never its value.
 */
export function storedCredentialsProvider(source: StoredCredentialsSource, clients: StoredCredentialsClients = {}, now: () => number = Date.now): () => Promise<BasicCredentials> {
  let cached: { readonly at: number; readonly value: Promise<BasicCredentials> } | undefined;
  return () => {
    if (cached === undefined || now() - cached.at >= STORED_CREDENTIALS_TTL_MS) {
      const value = readCredentials(source, clients).catch((err: unknown) => {
        cached = undefined;
        throw err;
      });
      cached = { at: now(), value };
    }
    return cached.value;
  };
}

async function readCredentials(source: StoredCredentialsSource, clients: StoredCredentialsClients): Promise<BasicCredentials> {
  switch (source.kind) {
    case 'secrets-manager': {
      const client = clients.secretsManager ?? new SecretsManagerClient({});
      const result = await client.send(new GetSecretValueCommand({ SecretId: source.secretId }));
      let json: unknown;
      try {
        json = JSON.parse(result.SecretString ?? '');
      } catch {
        json = undefined;
      }
      const parsed = secretSchema.safeParse(json);
      if (!parsed.success) throw new Error(`the secret ${source.secretId} must be a JSON object with "username" and "password" strings`);
      return parsed.data;
    }
    case 'ssm-parameter': {
      const client = clients.ssm ?? new SSMClient({});
      const result = await client.send(new GetParameterCommand({ Name: source.name, WithDecryption: true }));
      const password = result.Parameter?.Value;
      if (password === undefined || password === '') throw new Error(`the SSM parameter ${source.name} has no value`);
      return { username: source.username, password };
    }
  }
}
