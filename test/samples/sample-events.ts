import { toLogRecords } from '../../src/forward/raw-records';
import { createNormalizer } from '../../src/normalize/create-normalizer';
import { normalizeRecord } from '../../src/normalize/normalize-record';
import type { LogRecord } from '../../src/schemas/log-record';
import type { NormalizedEvent } from '../../src/schemas/normalized-event';
import type { SampleDay } from '../../src/samples';

/** One delivered log event with the normalized event the real normalizer (default config) makes of it. */
export interface NormalizedSampleEvent {
  readonly record: LogRecord;
  readonly event: NormalizedEvent;
}

/** Every log event of the sample, through forward's record split and the normalizer, in payload order. */
export function normalizeSample(sample: SampleDay): NormalizedSampleEvent[] {
  const normalizer = createNormalizer();
  return sample.payloads.flatMap((payload) => toLogRecords(payload).map((record) => ({ record, event: normalizeRecord(record, normalizer) })));
}

/** A field of a normalized event by dotted path (events keep ECS fields nested). */
export function field(event: unknown, path: string): unknown {
  let value: unknown = event;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export const isLambda = (e: NormalizedSampleEvent) => e.event.logwarden.source === 'lambda';
export const isCloudTrail = (e: NormalizedSampleEvent) => e.event.logwarden.source === 'cloudtrail';
export const functionOf = (e: NormalizedSampleEvent) => field(e.event, 'faas.name');
