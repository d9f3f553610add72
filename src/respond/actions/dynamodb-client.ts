import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { isLoopbackEndpoint, LOCAL_REGION } from '../../kinesis/client';

export interface DynamoDbClientOptions {
  /** dynalite's endpoint locally; omit for AWS. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

// dynalite accepts any signature; a loopback endpoint without configured credentials gets these.
const LOCAL_CREDENTIALS = { accessKeyId: 'logwarden-local', secretAccessKey: 'logwarden-local' };

export function createDynamoDbClient(options: DynamoDbClientOptions = {}): DynamoDBClient {
  const local = options.endpoint !== undefined && isLoopbackEndpoint(options.endpoint);
  const env = options.env ?? process.env;
  const configured = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'].some((n) => (env[n] ?? '') !== '');
  const region = options.region ?? (local ? LOCAL_REGION : undefined);
  return new DynamoDBClient({
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(region === undefined ? {} : { region }),
    ...(local && !configured ? { credentials: LOCAL_CREDENTIALS } : {}),
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true }),
  });
}
