import path from 'node:path';
import { createKinesisClient, LOCAL_REGION } from '../kinesis/client';
import { ensureStream } from '../kinesis/ensure-stream';
import { STREAM_NAME_ENV } from '../kinesis/stream-names';
import type { KinesisLocalConfig } from './kinesis-local-config';
import { KINESIS_LOCAL_ENV } from './kinesis-local-config';
import { probeKinesis } from './kinesis-probe';
import { ownedProcess, removePidFile, writePidFile } from './pid-file';
import type { PidRecord } from './pid-file';
import { isPortFree, isPortListening } from './ports';
import { isProcessAlive, spawnDetached, stopProcess, tailOfFile } from './processes';
import { ServiceError } from './service';
import type { LocalService, ServiceReporter, ServiceStatus, StartResult, StopOutcome } from './service';
import { waitUntil } from './wait-until';

const NAME = 'kinesis-local';

/**
 * kinesis-local (the kinesis-mock build LocalStack uses) as a detached `node main.js`, run from
 * its package folder because it loads its TLS certificate (server.json) from the working
 * directory. In-memory only: persistence is switched off so every start is clean.
 */
export function createKinesisLocalService(config: KinesisLocalConfig, stateDir: string, report: ServiceReporter): LocalService {
  const packageDir = path.dirname(require.resolve('kinesis-local/package.json'));
  const mainJs = path.join(packageDir, 'main.js');
  // One PID file and log per port: instances on other ports are other instances.
  const pidFile = path.join(stateDir, `${NAME}.${config.port}.pid`);
  const logFile = path.join(stateDir, `${NAME}.${config.port}.log`);
  const endpoint = config.externalEndpoint ?? `http://${config.host}:${config.port}`;
  const fail = (message: string, cause?: unknown): ServiceError => new ServiceError(NAME, message, cause === undefined ? undefined : { cause });

  const ownProcess = (): PidRecord | undefined => ownedProcess(pidFile);

  const awaitReady = async (pid: number, announce: boolean): Promise<number> => {
    if (announce) report(`${NAME}: waiting for ListStreams on ${endpoint}`);
    const outcome = await waitUntil(
      async () => {
        if (!isProcessAlive(pid)) return `process ${pid} exited`;
        return (await probeKinesis(endpoint, config.env)).ok;
      },
      { timeoutMs: config.startTimeoutMs, onProgress: (ms) => report(`${NAME}: still starting (${(ms / 1000).toFixed(0)} s)`) },
    );
    if (outcome.ready) return outcome.elapsedMs;
    throw fail(`${outcome.reason} (timeout ${config.startTimeoutMs} ms, ${KINESIS_LOCAL_ENV.startTimeoutMs}); last lines of ${logFile}:\n${tailOfFile(logFile)}`);
  };

  const spawnMock = async (): Promise<StartResult> => {
    const started = Date.now();
    if (!(await isPortFree(config.tlsPort))) {
      throw fail(`TLS port ${config.tlsPort} is in use (kinesis-local always opens one); set ${KINESIS_LOCAL_ENV.tlsPort} to a free port`);
    }
    if (!(await isPortFree(config.port))) throw fail(`port ${config.port} is in use; set ${KINESIS_LOCAL_ENV.port} to a free port`);
    const pid = spawnDetached({
      command: process.execPath,
      args: [mainJs],
      cwd: packageDir,
      env: {
        ...config.env,
        KINESIS_MOCK_PLAIN_PORT: String(config.port),
        KINESIS_MOCK_TLS_PORT: String(config.tlsPort),
        AWS_REGION: LOCAL_REGION,
        SHOULD_PERSIST_DATA: 'false',
        LOAD_DATA_IF_EXISTS: 'false',
      },
      logFile,
    });
    writePidFile(pidFile, { pid, commandMarker: mainJs, ports: [config.port, config.tlsPort], startedAt: new Date().toISOString() });
    report(`${NAME}: started pid ${pid} (log ${logFile})`);
    try {
      await awaitReady(pid, true);
    } catch (error) {
      await stopProcess(pid, { graceMs: config.stopGraceMs });
      removePidFile(pidFile);
      throw error;
    }
    return { outcome: 'started', endpoint, pid, elapsedMs: Date.now() - started };
  };

  return {
    name: NAME,

    async start() {
      const started = Date.now();
      if (config.externalEndpoint !== undefined) {
        const probe = await probeKinesis(endpoint, config.env);
        if (!probe.ok) throw fail(`${KINESIS_LOCAL_ENV.endpoint}=${endpoint} does not answer ListStreams: ${probe.error}`);
        return { outcome: 'external', endpoint, elapsedMs: Date.now() - started };
      }
      const own = ownProcess();
      if (own !== undefined) {
        await awaitReady(own.pid, false);
        return { outcome: 'reused', endpoint, pid: own.pid, elapsedMs: Date.now() - started };
      }
      if (await isPortListening(config.host, config.port)) {
        const probe = await probeKinesis(endpoint, config.env);
        if (!probe.ok) {
          throw fail(`port ${config.port} is taken by something that is not kinesis-local (ListStreams failed: ${probe.error}); stop it or set ${KINESIS_LOCAL_ENV.port} to a free port`);
        }
        report(`${NAME}: a Kinesis API already answers on ${endpoint} (not started by this script; it will be left running)`);
        return { outcome: 'reused', endpoint, elapsedMs: Date.now() - started };
      }
      return spawnMock();
    },

    async isRunning() {
      return (await probeKinesis(endpoint, config.env)).ok;
    },

    async status(): Promise<ServiceStatus> {
      const own = config.externalEndpoint === undefined ? ownProcess() : undefined;
      const probe = await probeKinesis(endpoint, config.env);
      const owner = config.externalEndpoint !== undefined ? `external (${KINESIS_LOCAL_ENV.endpoint})` : own !== undefined ? `pid ${own.pid}, log ${logFile}` : 'not started by this script';
      const detail = probe.ok ? `running, ${owner}` : own !== undefined ? `pid ${own.pid} alive but not answering: ${probe.error}` : 'not running';
      return { running: probe.ok, endpoint, ...(own !== undefined && { pid: own.pid }), detail };
    },

    async stop(): Promise<StopOutcome> {
      if (config.externalEndpoint !== undefined) return 'external';
      const own = ownProcess();
      if (own !== undefined) {
        report(`${NAME}: stopping pid ${own.pid}`);
        const how = await stopProcess(own.pid, { graceMs: config.stopGraceMs, report: (line) => report(`${NAME}: ${line}`) });
        removePidFile(pidFile);
        report(`${NAME}: ${how}`);
        return 'stopped';
      }
      return (await isPortListening(config.host, config.port)) ? 'not-owned' : 'not-running';
    },

    async ensureResources() {
      const client = createKinesisClient({ endpoint, env: config.env });
      try {
        const lines: string[] = [];
        for (const spec of Object.values(config.streams)) {
          const stream = await ensureStream(client, spec);
          const note = stream.shardCount === spec.shardCount ? '' : ` (expected ${spec.shardCount}; delete the stream to recreate it)`;
          lines.push(`stream ${stream.streamName}: ${stream.outcome}, ${stream.shardCount} shard(s), ACTIVE${note}`);
        }
        return lines;
      } catch (error) {
        throw fail(`could not create the pipeline streams on ${endpoint}`, error);
      } finally {
        client.destroy();
      }
    },

    clientEnv() {
      return {
        [KINESIS_LOCAL_ENV.endpoint]: endpoint,
        [STREAM_NAME_ENV.raw]: config.streams.raw.streamName,
        [STREAM_NAME_ENV.normalized]: config.streams.normalized.streamName,
      };
    },
  };
}
