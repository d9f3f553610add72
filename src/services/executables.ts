import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Environment } from './env-variable';

/** The first executable file called `name` on the PATH (like `command -v`), or undefined. */
export function findOnPath(name: string, env: Environment): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Follows symbolic links (Debian's /usr/bin/java → /etc/alternatives/java → the JDK). */
export function resolveLinks(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
