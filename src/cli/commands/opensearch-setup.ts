import { createOpenSearchClient } from '../../opensearch/client';
import { OpenSearchConfigError, readOpenSearchConfig } from '../../opensearch/config';
import type { OpenSearchConfig } from '../../opensearch/config';
import { indexNamesFor } from '../../opensearch/index-names';
import { describeRequestFailure } from '../../opensearch/request-failure';
import type { SetupReport } from '../../opensearch/setup';
import { setupOpenSearch } from '../../opensearch/setup';
import type { CliIo } from '../io';
import { EXIT } from '../io';

export interface OpenSearchSetupOptions {
  readonly json?: boolean;
}

/**
 * `logwarden opensearch setup`: installs the index templates and creates the alerts and
 * alert-matches indices where missing, against the node named by OPENSEARCH_URL (settings in
 * src/opensearch/config.ts). Safe to run again: unchanged templates are left alone.
 */
export async function opensearchSetup(io: CliIo, env: Readonly<Record<string, string | undefined>>, options: OpenSearchSetupOptions = {}): Promise<number> {
  let config: OpenSearchConfig;
  try {
    config = readOpenSearchConfig(env);
  } catch (error) {
    if (!(error instanceof OpenSearchConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.usage;
  }
  const host = new URL(config.url).host; // never the whole URL: it may carry credentials
  const client = createOpenSearchClient(config, { warn: (message) => io.stderr.write(`warning: ${message}\n`) });
  try {
    const report = await setupOpenSearch(client, { names: indexNamesFor(config.indexPrefix), replicas: config.replicas });
    io.stdout.write(options.json === true ? `${JSON.stringify({ host, ...report })}\n` : describe(host, report));
    return EXIT.ok;
  } catch (error) {
    const failure = describeRequestFailure(error);
    io.stderr.write(`opensearch setup failed at ${host}: ${failure.status === undefined ? '' : `${failure.status} `}${failure.type}: ${failure.reason}\n`);
    return EXIT.failed;
  } finally {
    await client.close();
  }
}

function describe(host: string, report: SetupReport): string {
  const lines = [
    ...report.templates.map((t) => `${t.kind} template ${t.name}: ${t.outcome}`),
    ...report.indices.map((i) => `index ${i.name}: ${i.outcome === 'created' ? 'created' : 'already exists'}`),
  ];
  return `${lines.join('\n')}\nOpenSearch at ${host} is set up\n`;
}
