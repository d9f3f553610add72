import { createDynaliteService } from './dynalite';
import { readDynaliteConfig } from './dynalite-config';
import { createKinesisLocalService } from './kinesis-local';
import { readKinesisLocalConfig } from './kinesis-local-config';
import { createOpenSearchService } from './opensearch';
import { readOpenSearchConfig } from './opensearch-config';
import { serviceStateDir } from './project-paths';
import type { LocalService, ServiceReporter } from './service';

/**
 * Every local service, in start order; each is `create…Service(read…Config(env), stateDir, report)`.
 * Settings are all read first, so a bad variable fails before anything starts.
 */
export function createLocalServices(env: Readonly<Record<string, string | undefined>>, report: ServiceReporter): LocalService[] {
  const stateDir = serviceStateDir();
  const kinesis = readKinesisLocalConfig(env);
  const opensearch = readOpenSearchConfig(env);
  const dynalite = readDynaliteConfig(env);
  return [createKinesisLocalService(kinesis, stateDir, report), createOpenSearchService(opensearch, stateDir, report), createDynaliteService(dynalite, stateDir, report)];
}
