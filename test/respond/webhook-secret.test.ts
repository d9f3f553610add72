import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { parseResponsesConfig } from '../../src/respond/config/load-responses';
import { createWebhookHook } from '../../src/respond/hooks/webhook-hook';
import { WEBHOOK_SECRET_TTL_MS, webhookSecretReader } from '../../src/respond/hooks/webhook-secret';
import { verifyWebhook, WEBHOOK_HEADERS } from '../../src/respond/hooks/webhook-signature';
import { cloudTrailAlert } from './support/alerts';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:logwarden/soc-webhook-AbCdEf';
const PARAMETER = '/logwarden/soc-webhook-secret';
const secretsManager = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);
const aws = { secretsManager: () => new SecretsManagerClient({ region: 'eu-west-1' }), ssm: () => new SSMClient({ region: 'eu-west-1' }) };

beforeEach(() => {
  secretsManager.reset();
  ssm.reset();
});

describe('respond: webhook signing secrets kept in Secrets Manager or SSM', () => {
  it('signs with the secret read from Secrets Manager, asking for exactly that secret', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: 'stored-secret' });
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const hook = createWebhookHook('soc', { type: 'webhook', url, secretArn: SECRET_ARN }, { env: {}, aws });
      const planned = hook.plan({ alert: cloudTrailAlert(), event: undefined, actionId: 'act_1' } as never);
      if (!planned.ok) throw new Error(planned.error);
      await expect(hook.execute(planned.plan, { actionId: 'act_1', now: () => new Date() })).resolves.toMatchObject({ kind: 'done' });
      const [request] = received;
      const headers = { timestamp: String(request?.headers[WEBHOOK_HEADERS.timestamp]), signature: String(request?.headers[WEBHOOK_HEADERS.signature]) };
      const timestamp = Number(headers.timestamp);
      expect(verifyWebhook('stored-secret', headers, request?.body ?? '', timestamp)).toEqual({ ok: true, timestamp });
      expect(verifyWebhook('another-secret', headers, request?.body ?? '', timestamp)).toEqual({ ok: false, reason: 'bad-signature' });
      expect(secretsManager.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: SECRET_ARN }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reads an SSM SecureString with decryption, once per TTL, and again after it', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'param-secret' } });
    let now = 0;
    const read = webhookSecretReader({}, aws, () => now);
    const config = { type: 'webhook' as const, url: 'https://hooks.example.com/x', secretParameter: PARAMETER };
    await expect(read(config)).resolves.toBe('param-secret');
    await expect(read(config)).resolves.toBe('param-secret');
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
    now = WEBHOOK_SECRET_TTL_MS;
    await read(config);
    expect(ssm.commandCalls(GetParameterCommand).map((c) => c.args[0].input)).toEqual([
      { Name: PARAMETER, WithDecryption: true },
      { Name: PARAMETER, WithDecryption: true },
    ]);
  });

  it('retries a failed read (not cached) and says where it looked, never a value', async () => {
    secretsManager.on(GetSecretValueCommand).rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })).resolves({ SecretString: 's' });
    const hook = createWebhookHook('soc', { type: 'webhook', url: 'https://hooks.example.com/x', secretArn: SECRET_ARN }, { env: {}, aws });
    const planned = hook.plan({ alert: cloudTrailAlert(), event: undefined, actionId: 'a' } as never);
    if (!planned.ok) throw new Error(planned.error);
    await expect(hook.execute(planned.plan, { actionId: 'a', now: () => new Date() })).resolves.toEqual({
      kind: 'transient',
      error: `could not read the signing secret from the secret ${SECRET_ARN}: ThrottlingException: Rate exceeded`,
    });
    await expect(webhookSecretReader({}, aws)({ type: 'webhook', url: 'https://x', secretArn: SECRET_ARN })).resolves.toBe('s');
  });

  it('declares exactly the read of its own secret as its IAM permissions', () => {
    const withArn = createWebhookHook('a', { type: 'webhook', url: 'https://x.example.com', secretArn: SECRET_ARN }, { env: {} });
    const withParameter = createWebhookHook('b', { type: 'webhook', url: 'https://x.example.com', secretParameter: PARAMETER }, { env: {} });
    const withEnv = createWebhookHook('c', { type: 'webhook', url: 'https://x.example.com', secretEnv: 'S' }, { env: {} });
    expect(withArn.permissions(['111122223333'])).toEqual([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET_ARN] }]);
    expect(withParameter.permissions(['111122223333'])).toEqual([{ Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: [`arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${PARAMETER}`] }]);
    expect(withEnv.permissions(['111122223333'])).toEqual([]);
  });

  it('rejects a webhook with no secret source, or with two, naming the rule', () => {
    const yaml = (secret: string) => `version: 1\nhooks:\n  soc: { type: webhook, url: 'https://hooks.example.com/x'${secret} }\nroutes:\n  - { name: all, match: { minLevel: high }, hooks: [soc] }\n`;
    const message = 'a webhook needs exactly one of secretEnv, secretArn or secretParameter';
    expect(() => parseResponsesConfig(yaml(''), 'responses.yml')).toThrow(message);
    expect(() => parseResponsesConfig(yaml(`, secretEnv: S, secretParameter: ${PARAMETER}`), 'responses.yml')).toThrow(message);
    expect(() => parseResponsesConfig(yaml(`, secretParameter: ${PARAMETER}`), 'responses.yml')).not.toThrow();
  });
});
