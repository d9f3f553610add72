import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { RuleSet } from '../../sigma';
import type { CliIo } from '../io';
import { EXIT } from '../io';
import { loadRulesOrReport } from '../load-cli-rules';
import { ProgressBar } from '../progress-bar';

export interface ScanOptions {
  readonly rules: readonly string[];
  readonly pipeline: readonly string[];
}

const FLUSH_BYTES = 64 * 1024;

/**
 * `logwarden scan --rules <file|dir>… [--pipeline <file>]… [<events.ndjson> | -]`: one NDJSON
 * line per match on stdout; lines that are not JSON objects are reported with their line number
 * and skipped; a summary goes to stderr.
 */
export async function scan(input: string | undefined, options: ScanOptions, io: CliIo): Promise<number> {
  const started = process.hrtime.bigint();
  const collection = await loadRulesOrReport(options.rules, options.pipeline, io);
  if (collection === undefined) return EXIT.failed;
  const ruleSet = new RuleSet(collection.rules);

  const fromFile = input !== undefined && input !== '-';
  const stream: Readable = fromFile ? createReadStream(input) : io.stdin;
  const progress = fromFile && io.stderr.isTTY === true ? new ProgressBar(io.stderr, (await stat(input)).size) : undefined;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });

  let events = 0;
  let invalid = 0;
  let matches = 0;
  let lineIndex = -1;
  let out = '';
  for await (const line of lines) {
    lineIndex++;
    if (line.trim() === '') continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (err) {
      invalid++;
      io.stderr.write(`line ${lineIndex + 1}: not valid JSON (${(err as Error).message}); skipped\n`);
      continue;
    }
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      invalid++;
      io.stderr.write(`line ${lineIndex + 1}: not a JSON object; skipped\n`);
      continue;
    }
    events++;
    for (const match of ruleSet.evaluate(event)) {
      matches++;
      const { rule } = match;
      out += `${JSON.stringify({ event: lineIndex, rule: { id: rule.id ?? null, title: rule.title, level: rule.level ?? null }, selections: match.selections })}\n`;
    }
    if (out.length >= FLUSH_BYTES) {
      io.stdout.write(out);
      out = '';
    }
    if (progress !== undefined && fromFile) progress.update((stream as ReturnType<typeof createReadStream>).bytesRead);
  }
  if (out !== '') io.stdout.write(out);
  progress?.finish();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const skipped = invalid > 0 ? `, ${invalid} invalid line(s) skipped` : '';
  io.stderr.write(`scanned ${events} event(s)${skipped}: ${matches} match(es) from ${collection.rules.length} rule(s) in ${seconds.toFixed(2)} s\n`);
  return EXIT.ok;
}
