import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../respond/actions/dynamodb-client';
import { ensureResponsesTable } from '../respond/actions/table-schema';
import type { DynaliteConfig } from './dynalite-config';
import { DYNALITE_ENV } from './dynalite-config';
import { ownedProcess, removePidFile, writePidFile } from './pid-file';
import type { PidRecord } from './pid-file';
import { isPortFree, isPortListening } from './ports';
import { isProcessAlive, spawnDetached, stopProcess, tailOfFile } from './processes';
import { ServiceError } from './service';
import type { LocalService, ServiceReporter, ServiceStatus, StartResult, StopOutcome } from './service';
import { waitUntil } from './wait-until';

const NAME = 'dynalite';

/**
 * dynalite (a DynamoDB implementation on an in-memory LevelDB, from npm) as a detached
 * `node cli.js` on loopback, for the respond stage's idempotency store. In memory only: every
 * start is clean, and it is ready in well under a second.
 */
export function createDynaliteService(config: DynaliteConfig, stateDir: string, report: ServiceReporter): LocalService {
  const cliJs = path.join(path.dirname(require.resolve('dynalite/package.json')), 'cli.js');
  const pidFile = path.join(stateDir, `${NAME}.${config.port}.pid`);
  const logFile = path.join(stateDir, `${NAME}.${config.port}.log`);
  const endpoint = config.externalEndpoint ?? `http://${config.host}:${config.port}`;
  const fail = (message: string, cause?: unknown): ServiceError => new ServiceError(NAME, message, cause === undefined ? undefined : { cause });

  const probe = async (): Promise<{ ok: true } | { ok: false; error: string }> => {
    const client = createDynamoDbClient({ endpoint, env: config.env });
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error) };
    } finally {
      client.destroy();
    }
  };

  const ownProcess = (): PidRecord | undefined => ownedProcess(pidFile);

  const awaitReady = async (pid: number): Promise<void> => {
    const outcome = await waitUntil(async () => (isProcessAlive(pid) ? (await probe()).ok : `process ${pid} exited`), { timeoutMs: config.startTimeoutMs });
    if (!outcome.ready) throw fail(`${outcome.reason} (timeout ${config.startTimeoutMs} ms, ${DYNALITE_ENV.startTimeoutMs}); last lines of ${logFile}:\n${tailOfFile(logFile)}`);
  };

  return {
    name: NAME,

    async start(): Promise<StartResult> {
      const started = Date.now();
      if (config.externalEndpoint !== undefined) {
        const result = await probe();
        if (!result.ok) throw fail(`${DYNALITE_ENV.endpoint}=${endpoint} does not answer ListTables: ${result.error}`);
        return { outcome: 'external', endpoint, elapsedMs: Date.now() - started };
      }
      const own = ownProcess();
      if (own !== undefined) {
        await awaitReady(own.pid);
        return { outcome: 'reused', endpoint, pid: own.pid, elapsedMs: Date.now() - started };
      }
      if (await isPortListening(config.host, config.port)) {
        const result = await probe();
        if (!result.ok) throw fail(`port ${config.port} is taken by something that is not a DynamoDB API (${result.error}); stop it or set ${DYNALITE_ENV.port} to a free port`);
        report(`${NAME}: a DynamoDB API already answers on ${endpoint} (not started by this script; it will be left running)`);
        return { outcome: 'reused', endpoint, elapsedMs: Date.now() - started };
      }
      if (!(await isPortFree(config.port))) throw fail(`port ${config.port} is in use; set ${DYNALITE_ENV.port} to a free port`);
      const pid = spawnDetached({
        command: process.execPath,
        args: [cliJs, '--host', config.host, '--port', String(config.port), '--createTableMs', '0', '--deleteTableMs', '0', '--updateTableMs', '0'],
        cwd: path.dirname(cliJs),
        env: { ...config.env },
        logFile,
      });
      writePidFile(pidFile, { pid, commandMarker: cliJs, ports: [config.port], startedAt: new Date().toISOString() });
      report(`${NAME}: started pid ${pid} (log ${logFile})`);
      try {
        await awaitReady(pid);
      } catch (error) {
        await stopProcess(pid, { graceMs: 2_000 });
        removePidFile(pidFile);
        throw error;
      }
      return { outcome: 'started', endpoint, pid, elapsedMs: Date.now() - started };
    },

    async isRunning() {
      return (await probe()).ok;
    },

    async status(): Promise<ServiceStatus> {
      const own = config.externalEndpoint === undefined ? ownProcess() : undefined;
      const result = await probe();
      const owner = config.externalEndpoint !== undefined ? `external (${DYNALITE_ENV.endpoint})` : own !== undefined ? `pid ${own.pid}, log ${logFile}` : 'not started by this script';
      const detail = result.ok ? `running, ${owner}` : own !== undefined ? `pid ${own.pid} alive but not answering: ${result.error}` : 'not running';
      return { running: result.ok, endpoint, ...(own !== undefined && { pid: own.pid }), detail };
    },

    async stop(): Promise<StopOutcome> {
      if (config.externalEndpoint !== undefined) return 'external';
      const own = ownProcess();
      if (own === undefined) return (await isPortListening(config.host, config.port)) ? 'not-owned' : 'not-running';
      report(`${NAME}: stopping pid ${own.pid}`);
      report(`${NAME}: ${await stopProcess(own.pid, { graceMs: 3_000 })}`);
      removePidFile(pidFile);
      return 'stopped';
    },

    async ensureResources() {
      const client = createDynamoDbClient({ endpoint, env: config.env });
      try {
        return [`table ${config.table}: ${await ensureResponsesTable(client, config.table)}`];
      } catch (error) {
        throw fail(`could not create table ${config.table} on ${endpoint}`, error);
      } finally {
        client.destroy();
      }
    },

    clientEnv() {
      return { [DYNALITE_ENV.endpoint]: endpoint, [DYNALITE_ENV.table]: config.table };
    },
  };
}
