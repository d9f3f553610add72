import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT_NAME = 'logwarden';

/**
 * The repository root, found from this file's location, so the same code works from
 * `scripts/` (ts-jest) and from `dist/scripts/` (compiled), whatever the working directory.
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
