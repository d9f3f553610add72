/**
 * Local services for development and integration tests: kinesis-local and OpenSearch.
 *
 *   npm run services:up       start or reuse each service, create streams, print the endpoints
 *   npm run services:down     stop what services:up started (anything else is left running)
 *   npm run services:status   say what is running where
 *
 * Settings come from the environment:
 * - kinesis-local: KINESIS_ENDPOINT (use that endpoint, start nothing), LOGWARDEN_KINESIS_PORT
 *   (default 4577), LOGWARDEN_KINESIS_TLS_PORT (default port + 1), LOGWARDEN_RAW_STREAM,
 *   LOGWARDEN_NORMALIZED_STREAM.
 * - OpenSearch: OPENSEARCH_URL (use that cluster, start nothing), LOGWARDEN_OPENSEARCH_PORT
 *   (default 9420, outside the 9200–9399 range other OpenSearch and Elasticsearch nodes take),
 *   LOGWARDEN_OPENSEARCH_TRANSPORT_PORT (default port + 1),
 *   LOGWARDEN_OPENSEARCH_START_TIMEOUT_MS (default 180000). The first `up` needs Java 11+
 *   (17 recommended) and Maven: it fetches the distribution once into .cache/opensearch/.
 *   As root, the node runs as system user logwarden-opensearch (created when missing).
 * PID files and logs: .local/services/; OpenSearch data: .local/services/opensearch/<port>/.
 */
// The AWS SDK warns on every load under Node 20 (its support ends in 2027); keep the output readable.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

import { redactUrl } from '../src/services/redact-url';
import { createLocalServices } from '../src/services/registry';
import { clientEnvOf, describeError, describeServices, startServices, stopServices } from '../src/services/run-services';

const COMMANDS = ['up', 'down', 'status'] as const;
type Command = (typeof COMMANDS)[number];

function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly (string | undefined)[]).includes(value);
}

const report = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function run(command: Command): Promise<void> {
  const services = createLocalServices(process.env, report);
  if (command === 'up') {
    const up = await startServices(services, report);
    for (const { service, start, resources } of up) {
      const pid = start.pid === undefined ? '' : ` pid ${start.pid},`;
      console.log(`${service.name}: ${start.outcome},${pid} ${redactUrl(start.endpoint)} (${(start.elapsedMs / 1000).toFixed(1)} s)`);
      for (const line of resources) console.log(`  ${line}`);
    }
    console.log('environment for clients:');
    for (const [name, value] of Object.entries(clientEnvOf(up))) console.log(`  export ${name}=${redactUrl(value)}`);
  } else if (command === 'down') {
    for (const { name, outcome } of await stopServices(services)) console.log(`${name}: ${outcome}`);
  } else {
    for (const { name, status } of await describeServices(services)) console.log(`${name}: ${status.endpoint} ${status.detail}`);
  }
}

const command = process.argv[2];
if (!isCommand(command)) {
  console.error(`usage: services.js ${COMMANDS.join('|')}`);
  process.exitCode = 2;
} else {
  run(command).catch((error: unknown) => {
    console.error(`services ${command} failed: ${describeError(error)}`);
    process.exitCode = 1;
  });
}
