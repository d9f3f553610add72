import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT_NAME = 'logwarden';

/**
 * The repository root, found from this file's location, so the same code works from
 * `src/services/` (ts-jest) and from `dist/src/services/` (compiled), whatever the working directory.
 */
export function findProjectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PROJECT_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ${PROJECT_NAME} package.json above ${from}`);
  }
}

/** Where services keep PID files and logs: `.local/services/` (ignored by git). */
export function serviceStateDir(projectRoot: string = findProjectRoot()): string {
  const dir = path.join(projectRoot, '.local', 'services');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function readPackageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

/** Where a service keeps downloads and unpacked copies between runs: `.cache/<name>/` (ignored by git). */
export function serviceCacheDir(name: string, projectRoot: string = findProjectRoot()): string {
  const dir = path.join(projectRoot, '.cache', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * As root, a node that must run as a system user needs its program and data where that user can
 * reach them; a checkout can sit under folders only root may enter (`/root`, a `mktemp -d`).
 * This folder, one per checkout, is: `/var/tmp/logwarden-opensearch/<hash of the checkout path>/`.
 */
export function sharedNodeRoot(projectRoot: string): string {
  const base = path.join('/var/tmp', 'logwarden-opensearch');
  const dir = path.join(base, createHash('sha256').update(projectRoot).digest('hex').slice(0, 12));
  mkdirSync(dir, { recursive: true });
  // Searchable by everyone so the system user can walk in; it owns what lies inside (chowned at launch).
  chmodSync(base, 0o755);
  chmodSync(dir, 0o755);
  return dir;
}
