import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { isProcessAlive, processCommandLine } from './processes';

const pidRecordSchema = z.object({
  pid: z.number().int().positive(),
  /** A string the process's command line contains, to tell it from a process that reused the PID. */
  commandMarker: z.string().min(1),
  ports: z.array(z.number().int()),
  startedAt: z.string(),
});

export type PidRecord = z.infer<typeof pidRecordSchema>;

/** The recorded process, or undefined when there is no file or it is unreadable (treated as stale). */
export function readPidFile(file: string): PidRecord | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = pidRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writePidFile(file: string, record: PidRecord): void {
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
}

export function removePidFile(file: string): void {
  rmSync(file, { force: true });
}

/**
 * The PID file's process when it is alive and still the one that was started (its command line
 * carries the recorded marker, so a reused PID is never signalled; where /proc is missing,
 * liveness alone counts). A stale file is removed.
 */
export function ownedProcess(file: string): PidRecord | undefined {
  const record = readPidFile(file);
  if (record === undefined) return undefined;
  const commandLine = processCommandLine(record.pid);
  if (isProcessAlive(record.pid) && (commandLine === undefined || commandLine.includes(record.commandMarker))) return record;
  removePidFile(file);
  return undefined;
}
