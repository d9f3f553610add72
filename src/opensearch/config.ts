import { z } from 'zod';
import { isLoopbackEndpoint } from '../kinesis/client';

/**
 * How Logwarden reaches OpenSearch, validated from an environment object (never read at import).
 *
 * - `OPENSEARCH_URL` (required): `http(s)://host[:port]`.
 * - `OPENSEARCH_AUTH`: `none` (the default for a loopback URL, i.e. the local node), `basic`
 *   or `sigv4` (`AWS_REGION`, `OPENSEARCH_SIGV4_SERVICE` = `es` for a managed domain, `aoss` for
 *   Serverless; `OPENSEARCH_ROLE_ARN` makes the function assume that role to sign). Any other
 *   URL must name its auth. Basic credentials come from exactly one place:
 *   `OPENSEARCH_CREDENTIALS_SECRET` (a Secrets Manager secret holding `{"username","password"}`),
 *   `OPENSEARCH_PASSWORD_PARAMETER` (an SSM SecureString, with `OPENSEARCH_USERNAME`), or, on a
 *   developer machine, `OPENSEARCH_USERNAME` and `OPENSEARCH_PASSWORD`. The deployed stack never
 *   puts a password in the environment: it names where the function reads it at first use.
 * - `OPENSEARCH_TLS_VERIFY`: `true` (default) or `false`; only `false` disables certificate
 *   verification, and the client logs a warning when it does.
 * - `OPENSEARCH_REPLICAS`: replicas per index; default 0 for a loopback URL (a single local
 *   node cannot place replicas), 1 elsewhere.
 * - `OPENSEARCH_REQUEST_TIMEOUT_MS` (default 30000), `LOGWARDEN_INDEX_PREFIX` (default `logwarden`).
 */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** Where basic-auth credentials are read at first use (never an environment value in AWS). */
export const storedCredentialsSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('secrets-manager'), secretId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('ssm-parameter'), name: z.string().min(1), username: z.string().min(1) }),
]);

export const openSearchAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('basic'), username: z.string().min(1), password: z.string().min(1) }),
  z.strictObject({ kind: z.literal('stored-basic'), source: storedCredentialsSourceSchema }),
  z.strictObject({
    kind: z.literal('sigv4'),
    region: z.string().min(1),
    service: z.enum(['es', 'aoss']),
    assumeRole: z.strictObject({ roleArn: z.string().regex(ROLE_ARN), sessionName: z.string().regex(/^[\w+=,.@-]{2,64}$/) }).optional(),
  }),
]);

/** Lower-case letters, digits, `-` and `_`, as index names allow; short enough for every derived name. */
export const indexPrefixSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'index prefix must be 1-100 of a-z, 0-9, "-", "_", starting with a letter or digit');

export const openSearchConfigSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  auth: openSearchAuthSchema,
  tlsVerify: z.boolean(),
  indexPrefix: indexPrefixSchema,
  replicas: z.number().int().min(0).max(15),
  requestTimeoutMs: z.number().int().min(100).max(600_000),
});

export type OpenSearchConfig = z.infer<typeof openSearchConfigSchema>;
export type OpenSearchAuth = z.infer<typeof openSearchAuthSchema>;
export type StoredCredentialsSource = z.infer<typeof storedCredentialsSourceSchema>;

const envSchema = z.object({
  OPENSEARCH_URL: z.url({ protocol: /^https?$/, error: 'OPENSEARCH_URL must be an http(s) URL' }),
  OPENSEARCH_AUTH: z.enum(['none', 'basic', 'sigv4']).optional(),
  OPENSEARCH_USERNAME: z.string().optional(),
  OPENSEARCH_PASSWORD: z.string().optional(),
  OPENSEARCH_CREDENTIALS_SECRET: z.string().optional(),
  OPENSEARCH_PASSWORD_PARAMETER: z.string().optional(),
  OPENSEARCH_ROLE_ARN: z.string().regex(ROLE_ARN, 'OPENSEARCH_ROLE_ARN must be an IAM role ARN').optional(),
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  AWS_REGION: z.string().optional(),
  OPENSEARCH_SIGV4_SERVICE: z.enum(['es', 'aoss']).default('es'),
  OPENSEARCH_TLS_VERIFY: z.enum(['true', 'false']).default('true'),
  OPENSEARCH_REPLICAS: z.coerce.number().int().min(0).max(15).optional(),
  OPENSEARCH_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  LOGWARDEN_INDEX_PREFIX: indexPrefixSchema.default('logwarden'),
});

export class OpenSearchConfigError extends Error {
  override readonly name = 'OpenSearchConfigError';
}

/** Reads the settings from `env` (e.g. `process.env`); empty values count as unset. */
export function readOpenSearchConfig(env: Readonly<Record<string, string | undefined>>): OpenSearchConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? '';
    // Messages name the variable, never its value: OPENSEARCH_PASSWORD must not reach a log.
    throw new OpenSearchConfigError(`invalid OpenSearch settings: ${name === '' ? '' : `${name}: `}${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const local = isLoopbackEndpoint(e.OPENSEARCH_URL);
  return openSearchConfigSchema.parse({
    url: e.OPENSEARCH_URL,
    auth: authOf(e, local),
    tlsVerify: e.OPENSEARCH_TLS_VERIFY === 'true',
    indexPrefix: e.LOGWARDEN_INDEX_PREFIX,
    replicas: e.OPENSEARCH_REPLICAS ?? (local ? 0 : 1),
    requestTimeoutMs: e.OPENSEARCH_REQUEST_TIMEOUT_MS,
  });
}

function authOf(e: z.infer<typeof envSchema>, local: boolean): OpenSearchAuth {
  const kind = e.OPENSEARCH_AUTH ?? (local ? 'none' : undefined);
  switch (kind) {
    case undefined:
      throw new OpenSearchConfigError('invalid OpenSearch settings: OPENSEARCH_AUTH is required for a non-loopback OPENSEARCH_URL (none, basic or sigv4)');
    case 'none':
      return { kind };
    case 'basic':
      return basicAuthOf(e);
    case 'sigv4':
      if (e.AWS_REGION === undefined) throw new OpenSearchConfigError('invalid OpenSearch settings: OPENSEARCH_AUTH=sigv4 needs AWS_REGION');
      return {
        kind,
        region: e.AWS_REGION,
        service: e.OPENSEARCH_SIGV4_SERVICE,
        ...(e.OPENSEARCH_ROLE_ARN === undefined ? {} : { assumeRole: { roleArn: e.OPENSEARCH_ROLE_ARN, sessionName: sessionNameOf(e.AWS_LAMBDA_FUNCTION_NAME) } }),
      };
  }
}

const BASIC_NEEDS = 'invalid OpenSearch settings: OPENSEARCH_AUTH=basic needs OPENSEARCH_USERNAME and OPENSEARCH_PASSWORD (or OPENSEARCH_PASSWORD_PARAMETER), or OPENSEARCH_CREDENTIALS_SECRET';

function basicAuthOf(e: z.infer<typeof envSchema>): OpenSearchAuth {
  const sources = [e.OPENSEARCH_CREDENTIALS_SECRET, e.OPENSEARCH_PASSWORD_PARAMETER, e.OPENSEARCH_PASSWORD].filter((v) => v !== undefined);
  if (sources.length > 1) {
    throw new OpenSearchConfigError('invalid OpenSearch settings: OPENSEARCH_AUTH=basic takes one of OPENSEARCH_CREDENTIALS_SECRET, OPENSEARCH_PASSWORD_PARAMETER or OPENSEARCH_PASSWORD');
  }
  if (e.OPENSEARCH_CREDENTIALS_SECRET !== undefined) return { kind: 'stored-basic', source: { kind: 'secrets-manager', secretId: e.OPENSEARCH_CREDENTIALS_SECRET } };
  if (e.OPENSEARCH_USERNAME === undefined) throw new OpenSearchConfigError(BASIC_NEEDS);
  if (e.OPENSEARCH_PASSWORD_PARAMETER !== undefined) return { kind: 'stored-basic', source: { kind: 'ssm-parameter', name: e.OPENSEARCH_PASSWORD_PARAMETER, username: e.OPENSEARCH_USERNAME } };
  if (e.OPENSEARCH_PASSWORD === undefined) throw new OpenSearchConfigError(BASIC_NEEDS);
  return { kind: 'basic', username: e.OPENSEARCH_USERNAME, password: e.OPENSEARCH_PASSWORD };
}

/** STS role session names allow 2-64 of [\w+=,.@-]; the function's name shows in OpenSearch's audit log. */
function sessionNameOf(functionName: string | undefined): string {
  const name = `logwarden-${functionName ?? 'opensearch'}`.replace(/[^\w+=,.@-]/g, '-');
  return name.slice(0, 64);
}
