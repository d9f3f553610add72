import { hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import type { LogRecord } from '../schemas/log-record';

/** Kinesis caps a record (data + partition key) at 1 MiB; keep a margin for the partition key. */
export const MAX_RECORD_BYTES = 1024 * 1024 - 512;

export interface RawEntry {
  readonly data: Uint8Array;
  readonly partitionKey: string;
  /** The log event this entry carries (for error reports and dead letters). */
  readonly record: LogRecord;
}

/**
 * Records of one log stream share a partition key, so Kinesis keeps their order (per shard,
 * per key). A hash keeps the key within Kinesis's 256-character limit for any group/stream name.
 */
export function partitionKeyFor(logGroup: string, logStream: string): string {
  const name = `${logGroup}\u0000${logStream}`;
  let key = recentKeys.get(name);
  if (key === undefined) {
    key = hash('sha256', name, 'base64url');
    // Consecutive records come from the same few streams: remember the latest keys (bounded).
    if (recentKeys.size >= 1024) recentKeys.clear();
    recentKeys.set(name, key);
  }
  return key;
}

const recentKeys = new Map<string, string>();

export function toLogRecords(payload: SubscriptionPayload): LogRecord[] {
  return payload.logEvents.map((e) => ({
    v: 1 as const,
    owner: payload.owner,
    logGroup: payload.logGroup,
    logStream: payload.logStream,
    subscriptionFilters: payload.subscriptionFilters,
    id: e.id,
    timestamp: e.timestamp,
    message: e.message,
  }));
}

/**
 * Encodes a log record as Kinesis entries: JSON; gzip'd JSON when that is too large (log text
 * compresses well, so this keeps nearly every message whole); and only when even that does not
 * fit, the message split into parts, each a record marked `part: {index, count}`. Never drops.
 */
export function toRawEntries(record: LogRecord, maxBytes = MAX_RECORD_BYTES): RawEntry[] {
  const partitionKey = partitionKeyFor(record.logGroup, record.logStream);
  const json = Buffer.from(JSON.stringify(record));
  if (json.length <= maxBytes) return [{ data: json, partitionKey, record }];
  const gzipped = gzipSync(json);
  if (gzipped.length <= maxBytes) return [{ data: gzipped, partitionKey, record }];
  return splitMessage(record, maxBytes).map((part) => ({ data: encodePart(part, maxBytes), partitionKey, record: part }));
}

function encodePart(part: LogRecord, maxBytes: number): Uint8Array {
  const json = Buffer.from(JSON.stringify(part));
  return json.length <= maxBytes ? json : gzipSync(json);
}

/** Splits a message into pieces whose JSON encoding fits, on code point boundaries. */
function splitMessage(record: LogRecord, maxBytes: number): LogRecord[] {
  // JSON escaping can grow text up to 6× (control characters), so budget for the worst case.
  const budget = Math.floor((maxBytes - 2048) / 6);
  const pieces: string[] = [];
  const chars = Array.from(record.message);
  let piece = '';
  let bytes = 0;
  for (const ch of chars) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > budget) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += ch;
    bytes += size;
  }
  pieces.push(piece);
  return pieces.map((message, index) => ({ ...record, message, part: { index, count: pieces.length } }));
}
