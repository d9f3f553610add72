import { userInfo } from 'node:os';
import { errors } from '@opensearch-project/opensearch';
import type { Client } from '@opensearch-project/opensearch';
import type { AlertStatus } from '../../alerts/alert-document';
import { changeAlertStatus } from '../../alerts/alert-status';
import { createOpenSearchClient, getAlert, indexNamesFor, OpenSearchConfigError, readOpenSearchConfig, searchAlerts } from '../../opensearch';
import type { AlertHit } from '../../opensearch';
import type { CliIo } from '../io';
import { EXIT } from '../io';
import { renderTable } from '../table';

export interface AlertsListOptions {
  readonly since?: string;
  readonly level?: string;
  readonly rule?: string;
  readonly status?: string;
  readonly limit: string;
  readonly json: boolean;
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `24h`, `7d`, `30m` before now, or an ISO date. */
export function parseSince(text: string, now: Date): Date {
  const relative = /^(\d{1,6})([mhdw])$/.exec(text);
  if (relative !== null) return new Date(now.getTime() - Number(relative[1]) * (UNITS[relative[2] as string] as number));
  const absolute = new Date(text);
  if (Number.isNaN(absolute.getTime())) throw new RangeError(`--since: '${text}' is neither a duration (30m, 24h, 7d) nor a date`);
  return absolute;
}

async function withClient(io: CliIo, env: NodeJS.ProcessEnv, work: (client: Client, alertsIndex: string) => Promise<number>): Promise<number> {
  let config;
  try {
    config = readOpenSearchConfig(env);
  } catch (err) {
    if (!(err instanceof OpenSearchConfigError)) throw err;
    io.stderr.write(`${err.message} (start the local services with \`npm run services:up\`, or set OPENSEARCH_URL)\n`);
    return EXIT.usage;
  }
  const client = createOpenSearchClient(config, { warn: (m) => io.stderr.write(`warning: ${m}\n`) });
  try {
    return await work(client, indexNamesFor(config.indexPrefix).alerts);
  } catch (err) {
    if (!(err instanceof errors.ConnectionError || err instanceof errors.TimeoutError || err instanceof errors.NoLivingConnectionsError)) throw err;
    const host = new URL(config.url).host; // never the whole URL: it may carry credentials
    io.stderr.write(`OpenSearch is not reachable at ${host} (${err.message}); start the local services with \`npm run services:up\` (or \`npm start\`), or set OPENSEARCH_URL\n`);
    return EXIT.failed;
  } finally {
    await client.close();
  }
}

function field(doc: Readonly<Record<string, unknown>>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), doc);
}

function keyFields(doc: Readonly<Record<string, unknown>>): string {
  const fields = (field(doc, 'alert.dedup_fields') ?? {}) as Record<string, unknown>;
  return Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
}

/** `logwarden alerts`: newest first, as a table or JSON. */
export async function alertsList(options: AlertsListOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const size = Number(options.limit);
  if (!Number.isInteger(size) || size < 1 || size > 10_000) {
    io.stderr.write('--limit must be a whole number from 1 to 10000\n');
    return EXIT.usage;
  }
  let since: Date | undefined;
  try {
    since = options.since === undefined ? undefined : parseSince(options.since, new Date());
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return EXIT.usage;
  }
  return withClient(io, env, async (client, index) => {
    const result = await searchAlerts(client, index, {
      ...(since === undefined ? {} : { since }),
      ...(options.level === undefined ? {} : { level: options.level.split(',') }),
      ...(options.rule === undefined ? {} : { ruleId: options.rule }),
      ...(options.status === undefined ? {} : { status: options.status }),
      size,
    });
    if (options.json) {
      io.stdout.write(`${JSON.stringify(result.alerts.map((a) => a.document))}\n`);
      return EXIT.ok;
    }
    const rows = result.alerts.map((a: AlertHit) => [
      String(field(a.document, 'alert.last_seen') ?? ''),
      String(field(a.document, 'rule.level') ?? ''),
      String(field(a.document, 'rule.title') ?? ''),
      String(field(a.document, 'alert.count') ?? ''),
      String(field(a.document, 'alert.status') ?? ''),
      keyFields(a.document),
      a.id,
    ]);
    io.stdout.write(renderTable(['last seen', 'level', 'rule', 'count', 'status', 'key', 'id'], rows));
    io.stdout.write(`${result.alerts.length} of ${result.total} alert(s)\n`);
    return EXIT.ok;
  });
}

/** `logwarden alerts show <id>`: the alert document, its event copy and its rule, as JSON. */
export async function alertsShow(id: string, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return withClient(io, env, async (client, index) => {
    const hit = await getAlert(client, index, id);
    if (hit === undefined) {
      io.stderr.write(`no alert ${id}\n`);
      return EXIT.failed;
    }
    io.stdout.write(`${JSON.stringify(hit.document, null, 2)}\n`);
    return EXIT.ok;
  });
}

/** `logwarden alerts ack|close <id> [--note …]`: records who and when in the alert's history. */
export async function alertsSetStatus(id: string, status: AlertStatus, options: { note?: string; by?: string }, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const by = options.by ?? env['LOGWARDEN_USER'] ?? userInfo().username;
  return withClient(io, env, async (client, index) => {
    const result = await changeAlertStatus(client, index, id, { status, by, at: new Date(), ...(options.note === undefined ? {} : { note: options.note }) });
    if (!result.ok) {
      io.stderr.write(`${result.reason}\n`);
      return EXIT.failed;
    }
    io.stdout.write(`alert ${id}: ${result.previous} → ${status} by ${by}\n`);
    return EXIT.ok;
  });
}
