import type { Client } from '@opensearch-project/opensearch';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { assumeRoleCredentials } from '../../src/opensearch/assume-role-credentials';
import { OpenSearchConfigError, readOpenSearchConfig } from '../../src/opensearch/config';
import { STORED_CREDENTIALS_TTL_MS, storedCredentialsProvider } from '../../src/opensearch/stored-credentials';
import { startHttpDouble } from './http-double';
import type { HttpDouble } from './http-double';
import { testClient } from './opensearch-test-client';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:logwarden/opensearch-AbCdEf';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/logwarden-prod-eu-west-1-opensearch';
const basic = (username: string, password: string): string => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

const secretsManager = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);
const sts = mockClient(STSClient);
let double: HttpDouble;
let client: Client | undefined;

beforeEach(async () => {
  secretsManager.reset();
  ssm.reset();
  sts.reset();
  double = await startHttpDouble(() => ({ status: 200, body: { ok: true } }));
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await double.close();
});

describe('opensearch config: where credentials come from', () => {
  const remote = { OPENSEARCH_URL: 'https://search-logwarden.eu-west-1.es.amazonaws.com' };

  it('reads basic credentials from a Secrets Manager secret when OPENSEARCH_CREDENTIALS_SECRET names one', () => {
    expect(readOpenSearchConfig({ ...remote, OPENSEARCH_AUTH: 'basic', OPENSEARCH_CREDENTIALS_SECRET: SECRET_ARN }).auth).toEqual({ kind: 'stored-basic', source: { kind: 'secrets-manager', secretId: SECRET_ARN } });
  });

  it('reads the password from an SSM parameter when OPENSEARCH_PASSWORD_PARAMETER names one', () => {
    expect(readOpenSearchConfig({ ...remote, OPENSEARCH_AUTH: 'basic', OPENSEARCH_USERNAME: 'pipeline', OPENSEARCH_PASSWORD_PARAMETER: '/logwarden/opensearch' }).auth).toEqual({
      kind: 'stored-basic',
      source: { kind: 'ssm-parameter', name: '/logwarden/opensearch', username: 'pipeline' },
    });
  });

  it('signs as an assumed role named by OPENSEARCH_ROLE_ARN, with the function in the session name', () => {
    expect(readOpenSearchConfig({ ...remote, OPENSEARCH_AUTH: 'sigv4', AWS_REGION: 'eu-west-1', OPENSEARCH_ROLE_ARN: ROLE_ARN, AWS_LAMBDA_FUNCTION_NAME: 'logwarden-prod-detect' }).auth).toEqual({
      kind: 'sigv4',
      region: 'eu-west-1',
      service: 'es',
      assumeRole: { roleArn: ROLE_ARN, sessionName: 'logwarden-logwarden-prod-detect' },
    });
  });

  it.each([
    [{ OPENSEARCH_AUTH: 'basic', OPENSEARCH_CREDENTIALS_SECRET: SECRET_ARN, OPENSEARCH_USERNAME: 'u', OPENSEARCH_PASSWORD: 'p' }, /takes one of/],
    [{ OPENSEARCH_AUTH: 'basic', OPENSEARCH_PASSWORD_PARAMETER: '/logwarden/opensearch' }, /needs OPENSEARCH_USERNAME/],
    [{ OPENSEARCH_AUTH: 'sigv4', AWS_REGION: 'eu-west-1', OPENSEARCH_ROLE_ARN: 'logwarden-role' }, /OPENSEARCH_ROLE_ARN must be an IAM role ARN/],
  ])('rejects %j naming the setting', (env, message) => {
    expect(() => readOpenSearchConfig({ ...remote, ...env })).toThrow(OpenSearchConfigError);
    expect(() => readOpenSearchConfig({ ...remote, ...env })).toThrow(message);
  });
});

describe('opensearch client: stored basic credentials', () => {
  it('sends the username and password of the Secrets Manager secret, read once for several requests', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ username: 'pipeline', password: 'from-the-secret' }) });
    client = testClient(double.url, { kind: 'stored-basic', source: { kind: 'secrets-manager', secretId: SECRET_ARN } });

    await client.info();
    await client.info();

    expect(double.requests.map((r) => r.headers['authorization'])).toEqual([basic('pipeline', 'from-the-secret'), basic('pipeline', 'from-the-secret')]);
    expect(secretsManager.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: SECRET_ARN }]);
  });

  it('reads an SSM SecureString with decryption and sends it with the configured username', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: '/logwarden/opensearch', Type: 'SecureString', Value: 'from-ssm' } });
    client = testClient(double.url, { kind: 'stored-basic', source: { kind: 'ssm-parameter', name: '/logwarden/opensearch', username: 'pipeline' } });

    await client.info();

    expect(double.requests[0]?.headers['authorization']).toBe(basic('pipeline', 'from-ssm'));
    expect(ssm.commandCalls(GetParameterCommand).map((c) => c.args[0].input)).toEqual([{ Name: '/logwarden/opensearch', WithDecryption: true }]);
  });

  it('sends no request when the secret cannot be read, and reads it again on the next request', async () => {
    secretsManager.on(GetSecretValueCommand).rejectsOnce(new Error('AccessDeniedException')).resolves({ SecretString: JSON.stringify({ username: 'pipeline', password: 'pw' }) });
    client = testClient(double.url, { kind: 'stored-basic', source: { kind: 'secrets-manager', secretId: SECRET_ARN } });

    await expect(client.info()).rejects.toThrow('AccessDeniedException');
    expect(double.requests).toHaveLength(0);
    await client.info();

    expect(double.requests).toHaveLength(1);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('rejects a secret that is not {"username","password"} without showing its value', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'hunter2-plain-password' });
    const read = storedCredentialsProvider({ kind: 'secrets-manager', secretId: SECRET_ARN });

    const error = await read().catch((err: unknown) => err as Error);

    expect(String(error)).toContain(SECRET_ARN);
    expect(String(error)).not.toContain('hunter2');
  });

  it('reads the secret again once the TTL has passed, so a rotation is picked up', async () => {
    secretsManager.on(GetSecretValueCommand).resolvesOnce({ SecretString: JSON.stringify({ username: 'u', password: 'old' }) }).resolves({ SecretString: JSON.stringify({ username: 'u', password: 'new' }) });
    let now = 0;
    const read = storedCredentialsProvider({ kind: 'secrets-manager', secretId: SECRET_ARN }, {}, () => now);

    const first = await read();
    now = STORED_CREDENTIALS_TTL_MS - 1;
    const cached = await read();
    now = STORED_CREDENTIALS_TTL_MS;
    const rotated = await read();

    expect([first.password, cached.password, rotated.password]).toEqual(['old', 'old', 'new']);
  });
});

describe('opensearch client: assumed role', () => {
  it('assumes the role with the session name and signs with the session credentials it returns', async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'ASIAASSUMEDROLE00001', SecretAccessKey: 'assumed/secret', SessionToken: 'assumed-session-token', Expiration: new Date(Date.now() + 3_600_000) },
    });
    client = testClient(double.url, { kind: 'sigv4', region: 'eu-west-1', service: 'es', assumeRole: { roleArn: ROLE_ARN, sessionName: 'logwarden-detect' } });

    await client.info();

    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input)).toEqual([{ RoleArn: ROLE_ARN, RoleSessionName: 'logwarden-detect', DurationSeconds: 3600 }]);
    expect(double.requests[0]?.headers['x-amz-security-token']).toBe('assumed-session-token');
    expect(double.requests[0]?.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAASSUMEDROLE00001\/\d{8}\/eu-west-1\/es\/aws4_request/);
  });

  it('fails clearly when STS returns no credentials', async () => {
    sts.on(AssumeRoleCommand).resolves({});
    await expect(assumeRoleCredentials(ROLE_ARN, 'logwarden-detect')()).rejects.toThrow(`AssumeRole ${ROLE_ARN} returned no credentials`);
  });
});
