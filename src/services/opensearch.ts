import path from 'node:path';
import type { OpenSearchConfig } from './opensearch-config';
import { OPENSEARCH_CLUSTER_NAME, OPENSEARCH_ENV, OPENSEARCH_VERSION } from './opensearch-config';
import type { NodeFolders } from './opensearch-launch';
import { commandMarkerOf, OPENSEARCH_MAIN_CLASS, prepareOpenSearchLaunch } from './opensearch-launch';
import { describeNode, isNode, probeHealth, probeRoot } from './opensearch-probe';
import { redactUrl } from './redact-url';
import { ownedProcess, readPidFile, removePidFile, writePidFile } from './pid-file';
import type { PidRecord } from './pid-file';
import { isPortFree, isPortListening } from './ports';
import { findProcessInTree, isProcessAlive, spawnDetached, stopProcess, tailOfFile } from './processes';
import { findProjectRoot, serviceCacheDir, sharedNodeRoot } from './project-paths';
import { isRunningAsRoot } from './service-user';
import { ServiceError } from './service';
import type { LocalService, ServiceReporter, ServiceStatus, StartResult, StopOutcome } from './service';
import { waitUntil } from './wait-until';

const NAME = 'opensearch';
const EXPECTED_NODE = { distribution: 'opensearch', number: OPENSEARCH_VERSION, clusterName: OPENSEARCH_CLUSTER_NAME } as const;

/**
 * A single OpenSearch node on loopback, from the no-JDK distribution Maven fetches into
 * `.cache/opensearch/` (once), with its data under `.local/services/opensearch/<port>/` — or, as
 * root (the node then runs as a system user), unpacked with its data under
 * `/var/tmp/logwarden-opensearch/<checkout hash>/`. Data persists across restarts; delete that
 * folder for a clean node.
 */
export function createOpenSearchService(config: OpenSearchConfig, stateDir: string, report: ServiceReporter): LocalService {
  // One PID file, log and node folder per port: nodes on other ports are other nodes.
  const pidFile = path.join(stateDir, `${NAME}.${config.port}.pid`);
  const shared = isRunningAsRoot() ? sharedNodeRoot(findProjectRoot()) : undefined;
  const folders: NodeFolders = {
    cacheDir: serviceCacheDir(NAME),
    ...(shared === undefined ? {} : { unpackDir: shared }),
    nodeDir: path.join(shared ?? path.join(stateDir, NAME), String(config.port)),
    logFile: path.join(stateDir, `${NAME}.${config.port}.log`),
  };
  const marker = commandMarkerOf(folders);
  const endpoint = config.externalUrl ?? `http://${config.host}:${config.port}`;
  const shown = redactUrl(endpoint);
  const fail = (message: string, cause?: unknown): ServiceError => new ServiceError(NAME, message, cause === undefined ? undefined : { cause });

  const ownProcess = (): PidRecord | undefined => ownedProcess(pidFile);

  /** The JVM itself, below a runuser launcher when started as root. */
  const jvmOf = (pid: number): number | undefined => findProcessInTree(pid, OPENSEARCH_MAIN_CLASS);

  const awaitHealthy = async (record: PidRecord, announce: boolean): Promise<void> => {
    if (announce) report(`${NAME}: waiting for cluster health yellow on ${shown} (a first start can take a minute on a slow machine)`);
    let tracked = record;
    let lastError = 'no answer yet';
    const outcome = await waitUntil(
      async () => {
        if (!isProcessAlive(tracked.pid)) return `process ${tracked.pid} exited`;
        const jvm = jvmOf(tracked.pid);
        // Record the JVM as soon as it exists, so `services:down` signals it rather than runuser.
        if (jvm !== undefined && jvm !== tracked.pid) {
          tracked = { ...tracked, pid: jvm };
          writePidFile(pidFile, tracked);
        }
        const health = await probeHealth(endpoint, 1);
        if (!health.ok) lastError = health.error;
        return health.ok;
      },
      {
        timeoutMs: config.startTimeoutMs,
        intervalMs: 500,
        onProgress: everyFiveSeconds((ms) => report(`${NAME}: still starting (${(ms / 1000).toFixed(0)} s; ${lastError})`)),
      },
    );
    if (outcome.ready) return;
    throw fail(`${outcome.reason} (timeout ${config.startTimeoutMs} ms, ${OPENSEARCH_ENV.startTimeoutMs}); last lines of ${folders.logFile}:\n${tailOfFile(folders.logFile, 25)}`);
  };

  const spawnNode = async (): Promise<StartResult> => {
    const started = Date.now();
    if (!(await isPortFree(config.port))) throw fail(`port ${config.port} is in use; set ${OPENSEARCH_ENV.port} to a free port`);
    if (!(await isPortFree(config.transportPort))) {
      throw fail(`transport port ${config.transportPort} is in use (a node always binds one); set ${OPENSEARCH_ENV.transportPort} to a free port`);
    }
    const command = await prepareOpenSearchLaunch(config, folders, report);
    const launched = Date.now();
    const pid = spawnDetached(command);
    const record: PidRecord = { pid, commandMarker: marker, ports: [config.port, config.transportPort], startedAt: new Date().toISOString() };
    writePidFile(pidFile, record);
    report(`${NAME}: started pid ${pid} (log ${folders.logFile})`);
    try {
      await awaitHealthy(record, true);
    } catch (error) {
      await stopNode(readPidFile(pidFile) ?? record);
      throw error;
    }
    const own = readPidFile(pidFile) ?? record;
    report(`${NAME}: healthy ${((Date.now() - launched) / 1000).toFixed(1)} s after launch`);
    return { outcome: 'started', endpoint, pid: own.pid, elapsedMs: Date.now() - started };
  };

  const stopNode = async (record: PidRecord): Promise<void> => {
    const target = jvmOf(record.pid) ?? record.pid;
    report(`${NAME}: stopping pid ${target}`);
    const how = await stopProcess(target, { graceMs: config.stopGraceMs, report: (line) => report(`${NAME}: ${line}`) });
    // A runuser launcher exits once its child has; wait briefly so the ports are free on return.
    if (target !== record.pid) await stopProcess(record.pid, { graceMs: 3_000 });
    removePidFile(pidFile);
    report(`${NAME}: ${how}`);
  };

  return {
    name: NAME,

    async start() {
      const started = Date.now();
      if (config.externalUrl !== undefined) {
        const health = await probeHealth(endpoint);
        if (!health.ok) throw fail(`${OPENSEARCH_ENV.url}=${shown} is not a reachable, healthy cluster (${health.error}); fix it or unset ${OPENSEARCH_ENV.url} to start a local node`);
        return { outcome: 'external', endpoint, elapsedMs: Date.now() - started };
      }
      const own = ownProcess();
      if (own !== undefined) {
        await awaitHealthy(own, false);
        return { outcome: 'reused', endpoint, pid: readPidFile(pidFile)?.pid ?? own.pid, elapsedMs: Date.now() - started };
      }
      if (await isPortListening(config.host, config.port)) {
        const root = await probeRoot(endpoint);
        if (!root.ok || !isNode(root.value, EXPECTED_NODE)) {
          const what = root.ok ? `it answers GET / as ${describeNode(root.value)}` : root.error;
          throw fail(
            `port ${config.port} is taken by something that is not Logwarden's OpenSearch ${OPENSEARCH_VERSION} node (${what}); stop it, set ${OPENSEARCH_ENV.port} to a free port, or set ${OPENSEARCH_ENV.url} to use that cluster`,
          );
        }
        const health = await probeHealth(endpoint, 30);
        if (!health.ok) throw fail(`the node already on ${shown} (not started by this script) is not healthy: ${health.error}`);
        report(`${NAME}: a ${describeNode(root.value)} node already answers on ${shown} (not started by this script; it will be left running)`);
        return { outcome: 'reused', endpoint, elapsedMs: Date.now() - started };
      }
      return spawnNode();
    },

    async isRunning() {
      return (await probeHealth(endpoint)).ok;
    },

    async status(): Promise<ServiceStatus> {
      const own = config.externalUrl === undefined ? ownProcess() : undefined;
      const [health, root] = await Promise.all([probeHealth(endpoint), probeRoot(endpoint)]);
      const owner = config.externalUrl !== undefined ? `external (${OPENSEARCH_ENV.url})` : own !== undefined ? `pid ${own.pid}, log ${folders.logFile}` : 'not started by this script';
      const node = root.ok ? `${describeNode(root.value)}, ` : '';
      const detail = health.ok ? `running (${node}health ${health.value.status}), ${owner}` : own !== undefined ? `pid ${own.pid} alive but not healthy: ${health.error}` : `not running (${health.error})`;
      return { running: health.ok, endpoint: shown, ...(own !== undefined && { pid: own.pid }), detail };
    },

    async stop(): Promise<StopOutcome> {
      if (config.externalUrl !== undefined) return 'external';
      const own = ownProcess();
      if (own !== undefined) {
        await stopNode(own);
        return 'stopped';
      }
      return (await isPortListening(config.host, config.port)) ? 'not-owned' : 'not-running';
    },

    async ensureResources() {
      // Index templates and indices arrive with the indexing stage; nothing to create yet.
      return [];
    },

    clientEnv() {
      return { [OPENSEARCH_ENV.url]: endpoint };
    },
  };
}

/** Throttles a once-a-second progress callback to one line every five seconds. */
function everyFiveSeconds(report: (elapsedMs: number) => void): (elapsedMs: number) => void {
  let last = 0;
  return (elapsedMs) => {
    if (elapsedMs - last < 5_000) return;
    last = elapsedMs;
    report(elapsedMs);
  };
}
