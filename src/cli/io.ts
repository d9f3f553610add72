import type { Readable } from 'node:stream';

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Exit statuses: 0 success, 1 the input (rules, tests) failed, 2 the command was used wrongly or crashed. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
