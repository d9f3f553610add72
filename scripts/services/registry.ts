import { createKinesisLocalService } from './kinesis-local';
import { readKinesisLocalConfig } from './kinesis-local-config';
import { serviceStateDir } from './project-paths';
import type { LocalService, ServiceReporter } from './service';

/**
 * Every local service, in start order. A new service (OpenSearch) adds one line here with its
 * own `create…Service(read…Config(env), stateDir, report)`.
 */
export function createLocalServices(env: Readonly<Record<string, string | undefined>>, report: ServiceReporter): LocalService[] {
  const stateDir = serviceStateDir();
  return [createKinesisLocalService(readKinesisLocalConfig(env), stateDir, report)];
}
