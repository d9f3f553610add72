import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import { generateSampleDay, type SampleDay } from './generate-sample-day';

/** One written file and how to feed it back (`logwarden normalize|replay --format <format> --log-group <group>`). */
export interface SampleFile {
  readonly path: string;
  readonly format: 'cwl' | 'lines' | 'ndjson';
  /** The log group the file's lines come from (absent for the payload file, which names its own). */
  readonly logGroup?: string;
  readonly logEvents: number;
}

export const PAYLOADS_FILE = 'subscription-payloads.ndjson';
export const SUMMARY_FILE = 'summary.json';

/**
 * Writes the sample where a person can read it and a tool can re-feed it:
 * - `subscription-payloads.ndjson`: one decoded subscription payload per line (`--format cwl`);
 * - `log-groups/<group>.log`: a function's log events in time order, one per line (`--format lines`).
 *   The runtime's trailing newline ends the line; a message that spans lines (a Python traceback)
 *   spans them here too, as in the CloudWatch console;
 * - `log-groups/<group>.ndjson`: the CloudTrail records, one JSON record per line (`--format ndjson`);
 * - `summary.json`: the summary, with this list of files.
 */
export async function writeSampleFiles(dir: string, sample: SampleDay = generateSampleDay()): Promise<readonly SampleFile[]> {
  await mkdir(join(dir, 'log-groups'), { recursive: true });
  const files: SampleFile[] = [];
  await writeFile(join(dir, PAYLOADS_FILE), sample.payloads.map((p) => `${JSON.stringify(p)}\n`).join(''));
  files.push({ path: PAYLOADS_FILE, format: 'cwl', logEvents: sample.summary.logEvents });
  for (const group of sample.summary.logGroups) {
    const lines = messagesOf(sample.payloads, group.logGroup).map((message) => (message.endsWith('\n') ? message : `${message}\n`));
    const format = group.source === 'cloudtrail' ? 'ndjson' : 'lines';
    const path = join('log-groups', `${fileStem(group.logGroup)}.${format === 'ndjson' ? 'ndjson' : 'log'}`);
    await writeFile(join(dir, path), lines.join(''));
    files.push({ path, format, logGroup: group.logGroup, logEvents: lines.length });
  }
  await writeFile(join(dir, SUMMARY_FILE), `${JSON.stringify({ ...sample.summary, files }, null, 2)}\n`);
  return files;
}

/** A log group's messages in time order (payloads are in time order; streams interleave by timestamp). */
function messagesOf(payloads: readonly SubscriptionPayload[], logGroup: string): string[] {
  const events = payloads.filter((p) => p.logGroup === logGroup).flatMap((p) => p.logEvents);
  return events.sort((a, b) => a.timestamp - b.timestamp).map((e) => e.message);
}

/** `/aws/lambda/orders-api` → `aws-lambda-orders-api`. */
export function fileStem(logGroup: string): string {
  return logGroup.replace(/^\/+/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}
