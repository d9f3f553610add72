import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import { decodeBase64Payload, validatePayload } from '../cloudwatch/subscription-payload';
import { SamplePrng } from '../samples/prng';
import { toSubscriptionPayloads } from '../samples/subscription-payloads';
import type { SampleLogEvent } from '../samples/sample-event';
import { accountOfRecord, LOCAL_ACCOUNT } from './local-account';

export type ReplayFormat = 'lines' | 'ndjson' | 'cwl';

export interface ReplayFile {
  readonly name: string;
  readonly text: string;
  /** When the file was last written: the time of lines that carry none. */
  readonly modified: Date;
}

export interface ReplayOptions {
  readonly format: ReplayFormat;
  /** The log group the lines or records are said to come from (not used for `cwl`, whose payloads name theirs). */
  readonly logGroup: string;
  /** The log group's owner; by default the account the first NDJSON record names, else the local one. */
  readonly owner?: string;
}

export type ReplayInput = { readonly ok: true; readonly payloads: SubscriptionPayload[]; readonly events: number } | { readonly ok: false; readonly error: string };


/**
 * A user's file as CloudWatch Logs subscription payloads. Lines and NDJSON records become log
 * events of one stream, `replay/<file name>`, batched as CloudWatch batches them; their ids
 * derive from the file's content, so replaying the same file again is recognised downstream
 * as the same events and duplicates nothing. Saved payloads (`cwl`) are replayed as they are.
 */
export function replayPayloads(file: ReplayFile, options: ReplayOptions): ReplayInput {
  if (options.format === 'cwl') return savedPayloads(file);
  const lines = file.text.split(/\r?\n/);
  const events: SampleLogEvent[] = [];
  let lastTime = file.modified.getTime();
  let recordOwner: string | undefined;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (options.format === 'ndjson') {
      const record = parseRecord(line);
      if (record === undefined) return { ok: false, error: `${file.name}:${i + 1}: not a JSON object (use --format lines for plain log lines)` };
      lastTime = recordTime(record) ?? lastTime;
      recordOwner ??= accountOfRecord(record);
      events.push({ logGroup: options.logGroup, logStream: streamOf(file), timestamp: lastTime, message: JSON.stringify(record) });
    } else {
      lastTime = leadingTime(line) ?? lastTime;
      events.push({ logGroup: options.logGroup, logStream: streamOf(file), timestamp: lastTime, message: line });
    }
  }
  const seed = createHash('sha256').update(options.logGroup).update('\0').update(file.text).digest().readUInt32BE(0);
  const payloads = toSubscriptionPayloads(events, { owner: options.owner ?? recordOwner ?? LOCAL_ACCOUNT, subscriptionFilters: ['logwarden-replay'], deliveryWindowMs: () => 60_000 }, new SamplePrng(seed));
  return { ok: true, payloads, events: events.length };
}

function savedPayloads(file: ReplayFile): ReplayInput {
  const payloads: SubscriptionPayload[] = [];
  let events = 0;
  for (const [i, line] of file.text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      return { ok: false, error: `${file.name}:${i + 1}: not valid JSON (${(err as Error).message})` };
    }
    const data = (json as { awslogs?: { data?: unknown } } | null)?.awslogs?.data;
    const decoded = typeof data === 'string' ? decodeBase64Payload(data) : validatePayload(json);
    if (!decoded.ok) return { ok: false, error: `${file.name}:${i + 1}: not a CloudWatch Logs subscription payload: ${decoded.error}` };
    payloads.push(decoded.payload);
    events += decoded.payload.logEvents.length;
  }
  return { ok: true, payloads, events };
}

function streamOf(file: ReplayFile): string {
  return `replay/${path.basename(file.name)}`;
}

function parseRecord(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** CloudTrail's eventTime, or the usual timestamp keys of structured logs. */
function recordTime(record: Record<string, unknown>): number | undefined {
  for (const key of ['eventTime', '@timestamp', 'timestamp', 'time']) {
    const value = record[key];
    if (typeof value === 'string') {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return ms;
    }
  }
  return undefined;
}

const ISO_PREFIX = /^(?:\[[A-Z]+\]\s+)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))/;

/** A line's own time, when it starts with an ISO 8601 timestamp (Node.js and Python runtimes do). */
function leadingTime(line: string): number | undefined {
  const match = ISO_PREFIX.exec(line);
  if (match === null) return undefined;
  const ms = Date.parse(match[1] as string);
  return Number.isNaN(ms) ? undefined : ms;
}
