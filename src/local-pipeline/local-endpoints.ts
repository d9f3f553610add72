import { DEFAULT_KINESIS_LOCAL_PORT } from '../services/kinesis-local-config';
import { DEFAULT_OPENSEARCH_PORT } from '../services/opensearch-config';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The environment with the local services' endpoints filled in where none is set: the CLI's
 * local commands (alerts, replay, the local pipeline) then work right after `npm start` or
 * `npm run services:up`, with no variables to export. An endpoint that is set always wins.
 */
export function withLocalEndpoints(env: Environment): Record<string, string | undefined> {
  const opensearchPort = env['LOGWARDEN_OPENSEARCH_PORT'] ?? String(DEFAULT_OPENSEARCH_PORT);
  const kinesisPort = env['LOGWARDEN_KINESIS_PORT'] ?? String(DEFAULT_KINESIS_LOCAL_PORT);
  return {
    ...env,
    OPENSEARCH_URL: nonEmpty(env['OPENSEARCH_URL']) ?? `http://127.0.0.1:${opensearchPort}`,
    KINESIS_ENDPOINT: nonEmpty(env['KINESIS_ENDPOINT']) ?? `http://127.0.0.1:${kinesisPort}`,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
