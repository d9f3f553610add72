import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isSequenceNumber } from '../kinesis/sequence-number';
import type { CheckpointStore, Checkpoints } from './checkpoint-store';
import { advanceCheckpoint } from './checkpoint-store';

export const DEFAULT_CHECKPOINT_DIR = '.local/checkpoints';

const checkpointFileSchema = z.strictObject({
  version: z.literal(1),
  stream: z.string(),
  updatedAt: z.iso.datetime(),
  shards: z.record(z.string().min(1), z.string().refine(isSequenceNumber, 'a Kinesis sequence number')),
});

export type CheckpointFile = z.infer<typeof checkpointFileSchema>;

export class CheckpointFileError extends Error {
  override readonly name = 'CheckpointFileError';
}

/** `.local/checkpoints/<stream>.json` under `root` (the working directory by default). */
export function defaultCheckpointFile(streamName: string, root = '.'): string {
  return path.join(root, DEFAULT_CHECKPOINT_DIR, `${streamName}.json`);
}

/**
 * Checkpoints of one stream in a JSON file. Every save rewrites the whole file through a temporary
 * file and a rename, so a crash leaves either the old or the new checkpoints, never half a file.
 * Saves from concurrent shards are written one after another. A file that cannot be read as
 * checkpoints stops the runner rather than silently starting over from the oldest record.
 */
export function fileCheckpointStore(file: string, streamName: string, now: () => Date = () => new Date()): CheckpointStore {
  // One read shared by concurrent first saves, so none of them starts from a stale copy.
  let current: Promise<Record<string, string>> | undefined;
  let writes: Promise<void> = Promise.resolve();

  const read = (): Promise<Record<string, string>> => {
    const reading = readCheckpointFile(file, streamName);
    current = reading;
    reading.catch(() => {
      if (current === reading) current = undefined; // read again next time
    });
    return reading;
  };

  async function load(): Promise<Checkpoints> {
    return { ...(await read()) };
  }

  async function save(shardId: string, sequenceNumber: string): Promise<void> {
    const checkpoints = await (current ?? read());
    advanceCheckpoint(checkpoints, shardId, sequenceNumber);
    const content: CheckpointFile = { version: 1, stream: streamName, updatedAt: now().toISOString(), shards: { ...checkpoints } };
    // Chained so an older snapshot never lands after a newer one; a failed write does not block later ones.
    const write = writes.then(() => writeAtomically(file, `${JSON.stringify(content, null, 2)}\n`));
    writes = write.catch(() => undefined);
    await write;
  }

  return { load, save };
}

async function readCheckpointFile(file: string, streamName: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CheckpointFileError(`cannot read checkpoints ${file}: ${(err as Error).message}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CheckpointFileError(`${file} is not JSON (${(err as Error).message}); fix or delete it to start over`, { cause: err });
  }
  const result = checkpointFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CheckpointFileError(`${file} is not a checkpoint file (${issue?.path.join('.') || 'file'}: ${issue?.message}); fix or delete it to start over`);
  }
  const parsed = result.data;
  if (parsed.stream !== streamName) throw new CheckpointFileError(`${file} holds checkpoints of stream ${parsed.stream}, not ${streamName}`);
  return { ...parsed.shards };
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
