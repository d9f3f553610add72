import type { Client } from '@opensearch-project/opensearch';
import { createOpenSearchClient } from '../../src/opensearch/client';
import type { OpenSearchClientOptions } from '../../src/opensearch/client';
import type { OpenSearchAuth } from '../../src/opensearch/config';

/** A client for a local double or node, with a short request timeout. */
export function testClient(url: string, auth: OpenSearchAuth = { kind: 'none' }, options: OpenSearchClientOptions = {}): Client {
  return createOpenSearchClient({ url, auth, tlsVerify: true, indexPrefix: 'logwarden-test', replicas: 0, requestTimeoutMs: 5_000 }, options);
}
