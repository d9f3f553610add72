/**
 * Local services for development and integration tests (kinesis-local; OpenSearch later).
 *
 *   npm run services:up       start or reuse each service, create streams, print the endpoints
 *   npm run services:down     stop what services:up started (anything else is left running)
 *   npm run services:status   say what is running where
 *
 * Settings come from the environment: KINESIS_ENDPOINT (use that endpoint, start nothing),
 * LOGWARDEN_KINESIS_PORT (default 4577), LOGWARDEN_KINESIS_TLS_PORT (default port + 1),
 * LOGWARDEN_RAW_STREAM, LOGWARDEN_NORMALIZED_STREAM. PID files and logs: .local/services/.
 */
import { createLocalServices } from './services/registry';
import { clientEnvOf, describeError, describeServices, startServices, stopServices } from './services/run-services';

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
      console.log(`${service.name}: ${start.outcome},${pid} ${start.endpoint} (${(start.elapsedMs / 1000).toFixed(1)} s)`);
      for (const line of resources) console.log(`  ${line}`);
    }
    console.log('environment for clients:');
    for (const [name, value] of Object.entries(clientEnvOf(up))) console.log(`  export ${name}=${value}`);
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
