import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeadLetter, DeadLetterSink } from './dead-letter';
import { deadLetterSchema } from './dead-letter';

/** Local dead letters: one NDJSON file per stage under a directory (`.local/dead-letters` by default). */
export class FileDeadLetterSink implements DeadLetterSink {
  constructor(readonly directory: string) {}

  fileFor(stage: DeadLetter['stage']): string {
    return path.join(this.directory, `${stage}.ndjson`);
  }

  async send(letters: readonly DeadLetter[]): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const byStage = new Map<DeadLetter['stage'], string>();
    for (const letter of letters) byStage.set(letter.stage, (byStage.get(letter.stage) ?? '') + `${JSON.stringify(letter)}\n`);
    for (const [stage, lines] of byStage) await appendFile(this.fileFor(stage), lines);
  }

  /** Reads the letters of a stage; lines that are not letters are reported, not hidden. */
  async read(stage: DeadLetter['stage']): Promise<{ letters: DeadLetter[]; invalidLines: number[] }> {
    let text: string;
    try {
      text = await readFile(this.fileFor(stage), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { letters: [], invalidLines: [] };
      throw err;
    }
    const letters: DeadLetter[] = [];
    const invalidLines: number[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        letters.push(deadLetterSchema.parse(JSON.parse(line)));
      } catch {
        invalidLines.push(i + 1);
      }
    });
    return { letters, invalidLines };
  }

  /** Replaces a stage's file with the letters still pending (atomically, via rename). */
  async replace(stage: DeadLetter['stage'], remaining: readonly DeadLetter[]): Promise<void> {
    const file = this.fileFor(stage);
    const tmp = `${file}.tmp`;
    await writeFile(tmp, remaining.map((l) => `${JSON.stringify(l)}\n`).join(''));
    await rename(tmp, file);
  }
}
