import { redactUrl } from '../src/services/redact-url';
import { createLocalServices } from '../src/services/registry';
import { clientEnvOf, describeError, startServices } from '../src/services/run-services';
import { rememberStartedServices } from '../src/services/started-services';

/**
 * Integration project set-up: the same code as `npm run services:up` (kinesis-local, OpenSearch).
 * Services already running are reused; whatever this starts, the teardown stops. The first run
 * on a fresh machine also fetches OpenSearch with Maven (about 20 s). A service that cannot
 * start fails the whole run: integration tests are never skipped silently.
 */
export default async function globalSetup(): Promise<void> {
  const report = (line: string): void => {
    process.stderr.write(`[services] ${line}\n`);
  };
  try {
    const services = createLocalServices(process.env, report);
    const up = await startServices(services, report, { stopStartedOnFailure: true });
    rememberStartedServices(up.filter((u) => u.start.outcome === 'started').map((u) => u.service));
    for (const u of up) report(`${u.service.name}: ${u.start.outcome} at ${redactUrl(u.start.endpoint)}`);
    // Workers are forked after global set-up, so they inherit these (KINESIS_ENDPOINT, the stream
    // names, OPENSEARCH_URL).
    Object.assign(process.env, clientEnvOf(up));
  } catch (error) {
    throw new Error(`Integration tests need local services, and they could not be started:\n  ${describeError(error)}\n(run \`npm run services:up\` to see the same error; logs are in .local/services/)`, { cause: error });
  }
}
