import path from 'node:path';
import type { Environment } from './env-variable';
import { findOnPath, isExecutableFile, resolveLinks } from './executables';
import { runCommand } from './run-command';

export interface JavaRuntime {
  /** The folder holding bin/java, handed to OpenSearch as OPENSEARCH_JAVA_HOME. */
  readonly home: string;
  readonly version: string;
  readonly major: number;
  /** Where it was found: which variable, or the PATH. */
  readonly source: string;
}

// OpenSearch 2.x runs on Java 11, 17 and 21 (https://opensearch.org/docs/latest/install-and-configure/install-opensearch/index/#java-compatibility).
const MINIMUM_MAJOR = 11;
const INSTALL_HINT = 'install a Java 17 runtime (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) or set JAVA_HOME';

/**
 * The Java runtime OpenSearch's launcher will use, in its own order: OPENSEARCH_JAVA_HOME,
 * JAVA_HOME, then (the no-JDK distribution has no bundled one) `java` on the PATH.
 */
export async function findJavaRuntime(env: Environment): Promise<JavaRuntime> {
  const candidate = locateJava(env);
  if (candidate === undefined) throw new Error(`java was not found on the PATH; OpenSearch needs Java ${MINIMUM_MAJOR}+: ${INSTALL_HINT}`);
  const java = path.join(candidate.home, 'bin', 'java');
  if (!isExecutableFile(java)) throw new Error(`${candidate.source} points at ${candidate.home}, which has no executable bin/java: ${INSTALL_HINT}`);
  const result = await runCommand(java, ['-version'], { timeoutMs: 30_000 });
  const version = /version "([^"]+)"/.exec(result.output)?.[1];
  if (result.exitCode !== 0 || version === undefined) throw new Error(`${java} -version failed (${candidate.source}):\n${result.output.trim()}`);
  const major = javaMajor(version);
  if (major < MINIMUM_MAJOR) throw new Error(`${java} is Java ${version} (${candidate.source}); OpenSearch needs Java ${MINIMUM_MAJOR}+: ${INSTALL_HINT}`);
  return { home: candidate.home, version, major, source: candidate.source };
}

function locateJava(env: Environment): { home: string; source: string } | undefined {
  for (const variable of ['OPENSEARCH_JAVA_HOME', 'JAVA_HOME'] as const) {
    const home = env[variable];
    if (home !== undefined && home !== '') return { home, source: variable };
  }
  const onPath = findOnPath('java', env);
  return onPath === undefined ? undefined : { home: path.dirname(path.dirname(resolveLinks(onPath))), source: `java on the PATH (${onPath})` };
}

/** "17.0.15" → 17, "1.8.0_392" → 8, "21" → 21. */
export function javaMajor(version: string): number {
  const [first, second] = version.split(/[.+_-]/).map(Number);
  return first === 1 && second !== undefined ? second : (first ?? 0);
}
