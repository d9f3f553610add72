import { createLocalServices } from '../../../src/services/registry';
import type { LocalService } from '../../../src/services/service';

/**
 * Stops and restarts the OpenSearch node the test set-up started. A cluster given by
 * OPENSEARCH_URL is never stopped by tests: the outage test then fails with this message
 * rather than passing without having tested anything.
 */
export function managedOpenSearch(): LocalService {
  // Test workers carry OPENSEARCH_URL (exported by the set-up); without it the registry finds the
  // node this project started, by its PID file.
  const { OPENSEARCH_URL: _exported, ...env } = process.env;
  const service = createLocalServices(env, () => undefined).find((s) => s.name === 'opensearch');
  if (service === undefined) throw new Error('no opensearch service in the registry');
  return service;
}

export async function stopOpenSearch(service: LocalService): Promise<void> {
  const outcome = await service.stop();
  if (outcome !== 'stopped') {
    throw new Error(`the outage test stops the OpenSearch node started by the test set-up, but stop() answered '${outcome}' (an external OPENSEARCH_URL cluster is never stopped)`);
  }
}
