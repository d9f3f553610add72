import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
import type { ClientOptions } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import type { AwsSigv4SignerOptions } from '@opensearch-project/opensearch/aws-v3';
import { assumeRoleCredentials } from './assume-role-credentials';
import type { OpenSearchConfig } from './config';
import { storedBasicTransport } from './stored-basic-transport';
import type { StoredCredentialsClients } from './stored-credentials';
import { storedCredentialsProvider } from './stored-credentials';

/** What the signer asks for before a request whose credentials are missing or about to expire. */
export type OpenSearchCredentialsProvider = NonNullable<AwsSigv4SignerOptions['getCredentials']>;

export interface OpenSearchClientOptions {
  /** SigV4 credentials; defaults to the SDK v3 default provider chain (env, SSO, ini, container, IMDS). */
  readonly getCredentials?: OpenSearchCredentialsProvider;
  /** SDK clients for reading stored basic-auth credentials (tests pass stubs); built on demand otherwise. */
  readonly storedCredentialsClients?: StoredCredentialsClients;
  /** Where security warnings go; defaults to a process warning (stderr, so CloudWatch in Lambda). */
  readonly warn?: (message: string) => void;
}

/**
 * The `@opensearch-project/opensearch` client for the configured node. The client's own
 * retries (2) serve single calls such as searches; `bulkWrite` turns them off and retries
 * per item itself (B5). Responses are never requested compressed and requests are never
 * compressed: with SigV4 a gzip body signed before compression breaks the signature (B6,
 * checklist 32).
 */
export function createOpenSearchClient(config: OpenSearchConfig, options: OpenSearchClientOptions = {}): Client {
  if (!config.tlsVerify) {
    (options.warn ?? warnProcess)(`TLS certificate verification is disabled for ${new URL(config.url).host} (OPENSEARCH_TLS_VERIFY=false)`);
  }
  const base: ClientOptions = {
    node: config.url,
    requestTimeout: config.requestTimeoutMs,
    maxRetries: 2,
    suggestCompression: false,
    ssl: { rejectUnauthorized: config.tlsVerify },
  };
  const { auth } = config;
  switch (auth.kind) {
    case 'none':
      return new Client(base);
    case 'basic':
      return new Client({ ...base, auth: { username: auth.username, password: auth.password } });
    case 'stored-basic':
      return new Client({ ...base, Transport: storedBasicTransport(storedCredentialsProvider(auth.source, options.storedCredentialsClients)) });
    case 'sigv4': {
      // The signer's Transport re-fetches credentials when they would expire within the request
      // timeout (B6, checklist 33); the default chain memoizes and refreshes role credentials, and
      // an assumed role (the deployed stack's OpenSearch access role) is assumed again then.
      const getCredentials = options.getCredentials ?? (auth.assumeRole === undefined ? defaultProvider() : assumeRoleCredentials(auth.assumeRole.roleArn, auth.assumeRole.sessionName));
      const signer = AwsSigv4Signer({ region: auth.region, service: auth.service, getCredentials });
      return new Client({ ...base, Connection: signer.Connection, Transport: signer.Transport });
    }
  }
}

function warnProcess(message: string): void {
  process.emitWarning(message, 'LogwardenSecurityWarning');
}
