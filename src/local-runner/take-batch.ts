import type { KinesisEventRecord } from '../batch/kinesis-event';

/** A record read from a shard, already in the shape the function receives, with its size in the event. */
export interface BufferedRecord {
  readonly record: KinesisEventRecord;
  readonly eventBytes: number;
}

const EVENT_ENVELOPE_BYTES = Buffer.byteLength('{"Records":[]}');

export function bufferedRecord(record: KinesisEventRecord): BufferedRecord {
  return { record, eventBytes: Buffer.byteLength(JSON.stringify(record)) };
}

/**
 * How many of the buffered records (in sequence order) the next invocation takes: at most
 * `batchSize`, and no more than fit in the invocation payload (B2: the batch is cut at 6 MB
 * whatever the batch size). One record always goes: a single Kinesis record is far below the
 * limit unless the stream's maximum record size was raised.
 */
export function batchLength(buffer: readonly BufferedRecord[], limits: { readonly batchSize: number; readonly maxPayloadBytes: number }): number {
  let bytes = EVENT_ENVELOPE_BYTES;
  let count = 0;
  for (const entry of buffer) {
    if (count === limits.batchSize) break;
    const next = bytes + entry.eventBytes + (count === 0 ? 0 : 1);
    if (count > 0 && next > limits.maxPayloadBytes) break;
    bytes = next;
    count++;
  }
  return count;
}

/** True when the buffer already holds a full invocation, so waiting longer cannot make it bigger. */
export function isBatchFull(buffer: readonly BufferedRecord[], limits: { readonly batchSize: number; readonly maxPayloadBytes: number }): boolean {
  return buffer.length >= limits.batchSize || batchLength(buffer, limits) < buffer.length;
}
