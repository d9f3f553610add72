import { z } from 'zod';
import { createOpenSearchClient, indexNamesFor, OpenSearchConfigError, readOpenSearchConfig } from '../../../opensearch';
import { ACTION_OUTCOMES } from '../../../respond/actions/action-record';
import type { CliIo } from '../../io';
import { EXIT } from '../../io';
import { renderTable } from '../../table';
import { parseSince } from '../alerts';

export interface RespondLogOptions {
  readonly since?: string;
  readonly outcome?: string;
  readonly alert?: string;
  readonly limit: string;
  readonly json: boolean;
}

const hitsSchema = z.object({ hits: z.object({ hits: z.array(z.object({ _source: z.record(z.string(), z.unknown()) })) }) });

interface AuditDocument {
  '@timestamp'?: string;
  action?: { id?: string; hook?: string; kind?: string; outcome?: string; target?: string; error?: string; by?: string; dry_run?: boolean };
  alert?: { id?: string };
}

/** `logwarden respond log`: recorded outcomes from the audit index, newest first. */
export async function respondLog(options: RespondLogOptions, io: CliIo, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const size = Number(options.limit);
  if (!Number.isInteger(size) || size < 1 || size > 10_000) {
    io.stderr.write('--limit must be a whole number from 1 to 10000\n');
    return EXIT.usage;
  }
  if (options.outcome !== undefined && !(ACTION_OUTCOMES as readonly string[]).includes(options.outcome)) {
    io.stderr.write(`--outcome must be one of: ${ACTION_OUTCOMES.join(', ')}\n`);
    return EXIT.usage;
  }
  let since: Date | undefined;
  let config;
  try {
    since = options.since === undefined ? undefined : parseSince(options.since, new Date());
    config = readOpenSearchConfig(env);
  } catch (err) {
    if (!(err instanceof RangeError || err instanceof OpenSearchConfigError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return EXIT.usage;
  }
  const filters: unknown[] = [];
  if (since !== undefined) filters.push({ range: { '@timestamp': { gte: since.toISOString() } } });
  if (options.outcome !== undefined) filters.push({ term: { 'action.outcome': { value: options.outcome } } });
  if (options.alert !== undefined) filters.push({ term: { 'alert.id': { value: options.alert } } });
  const client = createOpenSearchClient(config, { warn: (m) => io.stderr.write(`warning: ${m}\n`) });
  try {
    const response = await client.search({
      index: indexNamesFor(config.indexPrefix).responses,
      ignore_unavailable: true,
      allow_no_indices: true,
      body: { size, sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }], query: { bool: { filter: filters } } } as never,
    });
    const documents = hitsSchema.parse(response.body).hits.hits.map((h) => h._source as AuditDocument);
    if (options.json) {
      io.stdout.write(`${JSON.stringify(documents)}\n`);
      return EXIT.ok;
    }
    if (documents.length === 0) {
      io.stdout.write('no recorded actions\n');
      return EXIT.ok;
    }
    const rows = documents.map((d) => [d['@timestamp'] ?? '', d.action?.outcome ?? '', d.action?.hook ?? '', d.action?.target ?? '', d.alert?.id ?? '', d.action?.id ?? '', d.action?.error ?? d.action?.by ?? '']);
    io.stdout.write(renderTable(['time', 'outcome', 'hook', 'target', 'alert', 'action', 'note'], rows, 48));
    return EXIT.ok;
  } catch (err) {
    io.stderr.write(`cannot read ${indexNamesFor(config.indexPrefix).responses} at ${config.url}: ${(err as Error).message} (is OpenSearch running? \`npm run services:up\`)\n`);
    return EXIT.failed;
  } finally {
    await client.close();
  }
}
