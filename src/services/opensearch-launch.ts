import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { OpenSearchConfig } from './opensearch-config';
import { OPENSEARCH_CLUSTER_NAME, OPENSEARCH_SYSTEM_USER } from './opensearch-config';
import { ensureOpenSearchDistribution } from './opensearch-distribution';
import { findJavaRuntime } from './java-runtime';
import type { DetachedCommand } from './processes';
import type { ServiceReporter } from './service';
import { asUser, checkUserAccess, chownTree, ensureSystemUser, isRunningAsRoot } from './service-user';

/** The JVM's main class: the process to signal has it on its command line (the launcher scripts do not). */
export const OPENSEARCH_MAIN_CLASS = 'org.opensearch.bootstrap.OpenSearch';

export interface NodeFolders {
  /** `.cache/opensearch/`: the zip and, unless `unpackDir` says otherwise, the unpacked distribution. */
  readonly cacheDir: string;
  readonly unpackDir?: string;
  /** `.local/services/opensearch/<port>/`: this node's data and OpenSearch's own logs. */
  readonly nodeDir: string;
  /** Console output of the node (and of its launcher scripts). */
  readonly logFile: string;
}

export function dataDirOf(folders: NodeFolders): string {
  return path.join(folders.nodeDir, 'data');
}

/**
 * Everything needed before the node can start: a Java runtime, the unpacked distribution and,
 * as root, the system user owning the node's folders. Returns the command that runs it.
 */
export async function prepareOpenSearchLaunch(config: OpenSearchConfig, folders: NodeFolders, report: ServiceReporter): Promise<DetachedCommand> {
  const java = await findJavaRuntime(config.env);
  const home = await ensureOpenSearchDistribution({ cacheDir: folders.cacheDir, ...(folders.unpackDir === undefined ? {} : { unpackDir: folders.unpackDir }), env: config.env, downloadTimeoutMs: config.downloadTimeoutMs, report });
  const dataDir = dataDirOf(folders);
  const logsDir = path.join(folders.nodeDir, 'logs');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(logsDir, { recursive: true });
  const launcher = path.join(home, 'bin', 'opensearch');
  const args = settingsArgs(config, dataDir, logsDir);
  const env = nodeEnv(config, java.home, home);
  if (!isRunningAsRoot()) return { command: launcher, args, cwd: home, env, logFile: folders.logFile };
  report(`opensearch: running as root, so the node runs as system user ${OPENSEARCH_SYSTEM_USER} (OpenSearch refuses root)`);
  await ensureSystemUser(OPENSEARCH_SYSTEM_USER, config.env, (line) => report(`opensearch: ${line}`));
  // The launcher writes into the distribution too (config/opensearch.keystore, logs/gc.log).
  await chownTree(OPENSEARCH_SYSTEM_USER, [home, folders.nodeDir], config.env);
  await checkUserAccess(OPENSEARCH_SYSTEM_USER, launcher, [dataDir, logsDir, path.join(home, 'config')], config.env);
  const runAs = asUser(OPENSEARCH_SYSTEM_USER, config.env);
  return { command: runAs.command, args: [...runAs.prefix, launcher, ...args], cwd: home, env, logFile: folders.logFile };
}

/** Node settings as -E flags, so the distribution's opensearch.yml stays as shipped. */
function settingsArgs(config: OpenSearchConfig, dataDir: string, logsDir: string): string[] {
  const settings: Record<string, string> = {
    // path.data first: the PID file's command marker, unique per node folder.
    'path.data': dataDir,
    'path.logs': logsDir,
    'cluster.name': OPENSEARCH_CLUSTER_NAME,
    'node.name': `${OPENSEARCH_CLUSTER_NAME}-${config.port}`,
    'network.host': config.host,
    'http.port': String(config.port),
    'transport.port': String(config.transportPort),
    // One node, no discovery; on loopback the production bootstrap checks only warn.
    'discovery.type': 'single-node',
    // A nearly full CI disk must not turn indices read-only (flood-stage watermark).
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
  };
  return Object.entries(settings).map(([name, value]) => `-E${name}=${value}`);
}

export function commandMarkerOf(folders: NodeFolders): string {
  return `-Epath.data=${dataDirOf(folders)}`;
}

function nodeEnv(config: OpenSearchConfig, javaHome: string, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...config.env };
  // A developer's own OpenSearch settings must not leak into this node.
  for (const name of ['OPENSEARCH_HOME', 'OPENSEARCH_PATH_CONF', 'OPENSEARCH_TMPDIR', 'JAVA_TOOL_OPTIONS', 'JAVA_OPTS']) delete env[name];
  return {
    ...env,
    // The no-JDK distribution finds Java only through these; runuser may reset the PATH.
    OPENSEARCH_JAVA_HOME: javaHome,
    OPENSEARCH_PATH_CONF: path.join(home, 'config'),
    OPENSEARCH_JAVA_OPTS: `-Xms${config.heap} -Xmx${config.heap}`,
  };
}
