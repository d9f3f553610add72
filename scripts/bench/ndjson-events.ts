import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface NdjsonEvents {
  readonly events: unknown[];
  /** 1-based line numbers of lines that were not JSON objects. */
  readonly badLines: number[];
}

/** Reads up to `limit` events from an NDJSON file (one JSON object per line; blank lines skipped). */
export async function readNdjsonEvents(file: string, limit: number): Promise<NdjsonEvents> {
  const events: unknown[] = [];
  const badLines: number[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) events.push(value);
      else badLines.push(lineNumber);
    } catch {
      badLines.push(lineNumber);
    }
    if (events.length >= limit) break;
  }
  lines.close();
  return { events, badLines };
}
