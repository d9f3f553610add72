import { z } from 'zod';
import type { Environment } from './env-variable';
import { parseVariable, portSchema } from './env-variable';

/** The one place the OpenSearch version is named: the Maven artifact, the cache folder and the probes follow it. */
export const OPENSEARCH_VERSION = '2.19.6';

/**
 * The minimal distribution (core + HTTP transport; no security plugin, no bundled JDK), fetched
 * with Maven so the machine's own repository settings apply.
 */
export const OPENSEARCH_ARTIFACT = `org.opensearch.distribution.integ-test-zip:opensearch:${OPENSEARCH_VERSION}:zip`;

/**
 * Outside 9200–9299 (HTTP) and 9300–9399 (transport), where OpenSearch and Elasticsearch nodes
 * pick their ports, so a developer's own cluster never holds ours and tests never write into it.
 */
export const DEFAULT_OPENSEARCH_PORT = 9420;

/** A node answering with this cluster name and version on our port is ours to reuse. */
export const OPENSEARCH_CLUSTER_NAME = 'logwarden-local';

/** OpenSearch refuses to run as root; as root, the node runs as this system user. */
export const OPENSEARCH_SYSTEM_USER = 'logwarden-opensearch';

export const OPENSEARCH_ENV = {
  port: 'LOGWARDEN_OPENSEARCH_PORT',
  transportPort: 'LOGWARDEN_OPENSEARCH_TRANSPORT_PORT',
  startTimeoutMs: 'LOGWARDEN_OPENSEARCH_START_TIMEOUT_MS',
  url: 'OPENSEARCH_URL',
} as const;

export interface OpenSearchConfig {
  readonly host: string;
  /** HTTP port clients use. */
  readonly port: number;
  /** Node-to-node port; a single node still binds it. */
  readonly transportPort: number;
  /** When set, use this cluster and start nothing. */
  readonly externalUrl?: string;
  /** JVM heap (-Xms and -Xmx): small, for tests and a developer laptop. */
  readonly heap: string;
  /** A first start on a slow 2-core machine takes 30–60 s. */
  readonly startTimeoutMs: number;
  /** Maven fetches about 55 MB once; generous, since the first CI run pays it. */
  readonly downloadTimeoutMs: number;
  /** OpenSearch shuts down cleanly on SIGTERM in a few seconds; SIGKILL after this. */
  readonly stopGraceMs: number;
  readonly env: Environment;
}

/** Reads the OpenSearch settings from an environment; a bad value is an error naming the variable. */
export function readOpenSearchConfig(env: Environment): OpenSearchConfig {
  const port = parseVariable(env, OPENSEARCH_ENV.port, portSchema, DEFAULT_OPENSEARCH_PORT);
  const transportPort = parseVariable(env, OPENSEARCH_ENV.transportPort, portSchema, port + 1);
  if (transportPort === port) throw new RangeError(`${OPENSEARCH_ENV.transportPort} must differ from ${OPENSEARCH_ENV.port} (both ${port})`);
  const url = parseVariable(env, OPENSEARCH_ENV.url, z.url({ protocol: /^https?$/ }).optional(), undefined);
  return {
    host: '127.0.0.1',
    port,
    transportPort,
    ...(url !== undefined && { externalUrl: url }),
    heap: '512m',
    startTimeoutMs: parseVariable(env, OPENSEARCH_ENV.startTimeoutMs, z.coerce.number().int().positive(), 180_000),
    downloadTimeoutMs: 600_000,
    stopGraceMs: 20_000,
    env,
  };
}
