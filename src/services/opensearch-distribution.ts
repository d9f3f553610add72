import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Environment } from './env-variable';
import { findOnPath } from './executables';
import { OPENSEARCH_ARTIFACT, OPENSEARCH_VERSION } from './opensearch-config';
import { isProcessAlive } from './processes';
import { describeExit, lastLines, runCommand } from './run-command';
import type { ServiceReporter } from './service';
import { extractZip } from './zip-archive';

const FOLDER = `opensearch-${OPENSEARCH_VERSION}`;
const ZIP = `${FOLDER}.zip`;
const PARTIAL_PREFIX = '.partial-';

export interface DistributionOptions {
  /** `.cache/opensearch/`: holds the zip (and, by default, the unpacked copy). */
  readonly cacheDir: string;
  /** Where the unpacked copy goes when not the cache (as root: a folder the system user can reach). */
  readonly unpackDir?: string;
  readonly env: Environment;
  readonly downloadTimeoutMs: number;
  readonly report: ServiceReporter;
}

/** The unpacked OpenSearch folder (its OPENSEARCH_HOME); fetched and unpacked the first time only. */
export function openSearchHome(cacheDir: string): string {
  return path.join(cacheDir, FOLDER);
}

/**
 * Makes sure the distribution is unpacked in the cache, downloading the zip with Maven first if
 * needed. Both steps work in a temporary folder renamed into place at the end, so an interrupted
 * run never leaves a half copy that a later run would take for a whole one.
 */
export async function ensureOpenSearchDistribution(options: DistributionOptions): Promise<string> {
  const unpackDir = options.unpackDir ?? options.cacheDir;
  const home = openSearchHome(unpackDir);
  if (isUnpacked(home)) return home;
  removeAbandonedPartials(options.cacheDir);
  if (unpackDir !== options.cacheDir) removeAbandonedPartials(unpackDir);
  const zip = path.join(options.cacheDir, ZIP);
  if (!existsSync(zip)) await downloadZip(zip, options);
  await unpackZip(zip, home, options);
  return home;
}

function isUnpacked(home: string): boolean {
  return existsSync(path.join(home, 'bin', 'opensearch')) && existsSync(path.join(home, 'lib', `opensearch-${OPENSEARCH_VERSION}.jar`));
}

async function downloadZip(zip: string, options: DistributionOptions): Promise<void> {
  const mvn = findOnPath('mvn', options.env);
  if (mvn === undefined) {
    throw new Error(`mvn (Apache Maven) was not found on the PATH; it is needed once to fetch ${OPENSEARCH_ARTIFACT}: install it (Debian/Ubuntu: apt-get install maven), or put ${ZIP} in ${options.cacheDir} yourself`);
  }
  const partial = mkdtempSync(path.join(options.cacheDir, `${PARTIAL_PREFIX}${process.pid}-`));
  options.report(`opensearch: downloading ${OPENSEARCH_ARTIFACT} with Maven (once; about 55 MB) into ${options.cacheDir}`);
  try {
    // Run in the empty temporary folder so no pom.xml nearby changes what Maven does.
    const args = ['-q', '-B', 'dependency:copy', `-Dartifact=${OPENSEARCH_ARTIFACT}`, `-DoutputDirectory=${partial}`];
    const result = await runCommand(mvn, args, {
      cwd: partial,
      env: { ...options.env },
      timeoutMs: options.downloadTimeoutMs,
      onProgress: (ms) => options.report(`opensearch: still downloading (${(ms / 1000).toFixed(0)} s)`),
    });
    const downloaded = path.join(partial, ZIP);
    if (result.exitCode !== 0 || !existsSync(downloaded)) {
      const why = result.exitCode === 0 ? `it exited 0 but wrote no ${ZIP}` : describeExit(result, options.downloadTimeoutMs);
      throw new Error(`downloading ${OPENSEARCH_ARTIFACT} with Maven failed (${why}; mvn ${args.join(' ')}):\n${lastLines(result.output)}`);
    }
    renameSync(downloaded, zip);
    options.report(`opensearch: downloaded ${ZIP} (${(statSync(zip).size / 1e6).toFixed(1)} MB) in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

async function unpackZip(zip: string, home: string, options: DistributionOptions): Promise<void> {
  const started = Date.now();
  const partial = mkdtempSync(path.join(path.dirname(home), `${PARTIAL_PREFIX}${process.pid}-`));
  options.report(`opensearch: unpacking ${ZIP} into ${home}`);
  let lastReport = started;
  try {
    await extractZip(zip, partial, (progress) => {
      if (Date.now() - lastReport < 2_000) return;
      lastReport = Date.now();
      options.report(`opensearch: unpacking (${((100 * progress.bytes) / Math.max(1, progress.totalBytes)).toFixed(0)} %, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    });
    const unpacked = path.join(partial, FOLDER);
    if (!isUnpacked(unpacked)) throw new Error(`${zip} does not contain ${FOLDER}/bin/opensearch; delete it to download it again`);
    renameSync(unpacked, home);
    options.report(`opensearch: unpacked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    throw new Error(`could not unpack ${zip} (delete it to download it again)`, { cause: error });
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Temporary folders left by runs that were killed midway (their PID is gone). */
function removeAbandonedPartials(cacheDir: string): void {
  for (const name of readdirSync(cacheDir)) {
    const pid = Number(/^\.partial-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
}
