import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class AlreadyRunningError extends Error {
  override readonly name = 'AlreadyRunningError';

  constructor(readonly pid: number, file: string) {
    super(`the local pipeline is already running (pid ${pid}, lock ${file}): stop it with Ctrl-C in its terminal, or feed it with \`npx logwarden replay <file>\``);
  }
}

/**
 * One local pipeline per checkout: two would consume the same streams with the same
 * checkpoints. The lock is a PID file; one left by a process that no longer exists is taken over.
 */
export function acquireRunLock(file: string): () => void {
  const held = heldBy(file);
  if (held !== undefined && held !== process.pid && isAlive(held)) throw new AlreadyRunningError(held, file);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    if (heldBy(file) === process.pid) rmSync(file, { force: true });
  };
}

function heldBy(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
