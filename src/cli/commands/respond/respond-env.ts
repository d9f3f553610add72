import { withLocalEndpoints } from '../../../local-pipeline/local-endpoints';
import { DEFAULT_DYNALITE_PORT, DYNALITE_ENV } from '../../../services/dynalite-config';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The CLI talks to the local services unless told otherwise, like `logwarden alerts`: with no
 * OPENSEARCH_URL and no DYNAMODB_ENDPOINT, the action table is dynalite's. With OPENSEARCH_URL
 * set (a deployment), an unset DYNAMODB_ENDPOINT means DynamoDB in AWS.
 */
export function respondCliEnv(env: Environment): Record<string, string | undefined> {
  const local = (env['OPENSEARCH_URL'] ?? '') === '';
  const withEndpoints = withLocalEndpoints(env);
  const dynamo = env[DYNALITE_ENV.endpoint] ?? (local ? `http://127.0.0.1:${env[DYNALITE_ENV.port] ?? DEFAULT_DYNALITE_PORT}` : undefined);
  return { ...withEndpoints, ...(dynamo === undefined || dynamo === '' ? {} : { [DYNALITE_ENV.endpoint]: dynamo }), AWS_REGION: env['AWS_REGION'] ?? (local ? 'us-east-1' : undefined) };
}
