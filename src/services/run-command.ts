import { spawn } from 'node:child_process';

export interface RunCommandOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long. */
  readonly timeoutMs?: number;
  /** Called every `progressEveryMs` while the command runs, with the time so far. */
  readonly onProgress?: (elapsedMs: number) => void;
  readonly progressEveryMs?: number;
}

export interface CommandResult {
  /** Null when a signal ended it. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  /** The end of stdout and stderr together, for error messages. */
  readonly output: string;
  readonly elapsedMs: number;
}

const KEPT_OUTPUT_CHARS = 16_000;

/**
 * Runs a command to completion without a shell. Rejects only when it cannot be started
 * (ENOENT and the like); a non-zero exit is a result for the caller to judge.
 */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const progress = options.onProgress === undefined ? undefined : setInterval(() => options.onProgress?.(Date.now() - started), options.progressEveryMs ?? 5_000);
    const timeout =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    const finish = (): void => {
      if (progress !== undefined) clearInterval(progress);
      if (timeout !== undefined) clearTimeout(timeout);
    };
    child.once('error', (error) => {
      finish();
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      finish();
      resolve({ exitCode, signal, timedOut, output, elapsedMs: Date.now() - started });
    });
  });
}

/** "exit 1", "killed by SIGKILL" or "timed out after 600 s", for messages. */
export function describeExit(result: CommandResult, timeoutMs?: number): string {
  if (result.timedOut) return `timed out after ${((timeoutMs ?? result.elapsedMs) / 1000).toFixed(0)} s`;
  return result.signal !== null ? `killed by ${result.signal}` : `exit ${result.exitCode ?? '?'}`;
}

/** The last lines of command output, indented for an error message. */
export function lastLines(output: string, count = 15): string {
  const lines = output.trimEnd().split('\n').slice(-count);
  return lines.length === 0 || lines[0] === '' ? '    (no output)' : lines.map((line) => `    ${line}`).join('\n');
}
