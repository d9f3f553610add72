import { KinesisClient } from '@aws-sdk/client-kinesis';
import type { KinesisClientConfig } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Credentials or a credential provider, as the SDK client accepts them. */
export type KinesisCredentials = NonNullable<KinesisClientConfig['credentials']>;

export interface KinesisClientOptions {
  /** Endpoint override, e.g. kinesis-local's plain HTTP port; omit for AWS. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly credentials?: KinesisCredentials;
  /** SDK attempts per call (its standard retry mode); callers such as putRecords retry on top. */
  readonly maxAttempts?: number;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Where to look for configured credentials; defaults to process.env, read when called. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** kinesis-local's default region; used against loopback endpoints when no region is given. */
export const LOCAL_REGION = 'us-east-1';

// Any signature is accepted by kinesis-local; a 12-digit key id would select an account there.
const LOCAL_CREDENTIALS: KinesisCredentials = { accessKeyId: 'logwarden-local', secretAccessKey: 'logwarden-local' };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * A Kinesis client for Lambda handlers, scripts and tests. The SDK's Kinesis default handler is
 * HTTP/2 (for SubscribeToShard), which kinesis-local's plain port does not speak, so this uses the
 * HTTP/1.1 `NodeHttpHandler` everywhere (SubscribeToShard is therefore unavailable through it).
 */
export function createKinesisClient(options: KinesisClientOptions = {}): KinesisClient {
  const local = options.endpoint !== undefined && isLoopbackEndpoint(options.endpoint);
  const credentials = options.credentials ?? (local && !hasConfiguredCredentials(options.env ?? process.env) ? LOCAL_CREDENTIALS : undefined);
  const region = options.region ?? (local ? LOCAL_REGION : undefined);
  return new KinesisClient({
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(region !== undefined && { region }),
    ...(credentials !== undefined && { credentials }),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      // A 5 MiB PutRecords to a slow local mock takes seconds; a hung call becomes a retryable error.
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      throwOnRequestTimeout: true,
    }),
  });
}

/** True for http(s) endpoints on localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function hasConfiguredCredentials(env: Readonly<Record<string, string | undefined>>): boolean {
  return ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'].some((name) => (env[name] ?? '') !== '');
}
