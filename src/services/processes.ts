import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';

export interface DetachedCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
}

/** Starts a process that outlives this one (its own process group), output appended to a log file. */
export function spawnDetached(command: DetachedCommand): number {
  const log = openSync(command.logFile, 'a');
  try {
    writeSync(log, `\n=== ${new Date().toISOString()} ${command.command} ${command.args.join(' ')} (cwd ${command.cwd})\n`);
    const child = spawn(command.command, [...command.args], { cwd: command.cwd, env: command.env, detached: true, stdio: ['ignore', log, log] });
    // A failed spawn (ENOENT, EACCES) also emits 'error' later; the missing pid reports it here.
    child.once('error', () => undefined);
    if (child.pid === undefined) throw new Error(`could not start ${command.command}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** True while the process exists and is not a zombie waiting to be reaped. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return processState(pid) !== 'Z';
}

/** The process's command line (Linux /proc), or undefined where that cannot be read. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/**
 * The process, or the first of its descendants, whose command line contains `marker` (Linux
 * /proc). A launcher such as runuser forks the real program, and it is the program that
 * should be signalled: runuser answers SIGTERM by SIGKILLing its child 2 s later.
 */
export function findProcessInTree(pid: number, marker: string): number | undefined {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const queue = [pid];
  // Breadth first; for…of also visits the entries pushed while it runs.
  for (const current of queue) {
    if (processCommandLine(current)?.includes(marker) === true) return current;
    queue.push(...(children.get(current) ?? []));
  }
  return undefined;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(parent) ? parent : undefined;
  } catch {
    return undefined;
  }
}

function processState(pid: number): string | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; comm may contain spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

export interface StopProcessOptions {
  /** How long to wait after SIGTERM before SIGKILL. */
  readonly graceMs: number;
  readonly report?: (line: string) => void;
}

/** SIGTERM, wait up to the grace period, then SIGKILL; resolves once the process is gone. */
export async function stopProcess(pid: number, options: StopProcessOptions): Promise<'terminated' | 'killed' | 'not-running'> {
  if (!isProcessAlive(pid)) return 'not-running';
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, options.graceMs)) return 'terminated';
  options.report?.(`pid ${pid} still running ${(options.graceMs / 1000).toFixed(1)} s after SIGTERM; sending SIGKILL`);
  signal(pid, 'SIGKILL');
  if (await waitForExit(pid, 5_000)) return 'killed';
  throw new Error(`pid ${pid} survived SIGKILL`);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** The last lines of a log file, to quote in an error message. */
export function tailOfFile(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
