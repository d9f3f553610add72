import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { Client } from '@opensearch-project/opensearch';
import { kinesisEventFrom } from '../../../src/batch/kinesis-event-builder';
import type { BatchResponse } from '../../../src/batch/kinesis-event';
import { gatherBundle } from '../../../src/detect/gather-bundle';
import { createKinesisClient } from '../../../src/kinesis/client';
import { ensureStream } from '../../../src/kinesis/ensure-stream';
import type { StreamRecord } from '../../../src/kinesis/read-stream';
import { readAllRecords } from '../../../src/kinesis/read-stream';
import { createOpenSearchClient, indexNamesFor, readOpenSearchConfig } from '../../../src/opensearch';
import type { IndexNames } from '../../../src/opensearch';

export type Context = { getRemainingTimeInMillis(): number };
export type BatchHandler = (event: unknown, context: Context) => Promise<BatchResponse>;

export interface PipelineHarness {
  readonly kinesis: KinesisClient;
  readonly openSearch: Client;
  readonly names: IndexNames;
  readonly prefix: string;
  readonly raw: string;
  readonly normalized: string;
  readonly deadLetters: string;
  readonly env: Record<string, string>;
  readonly forward: (event: unknown) => Promise<unknown>;
  readonly normalize: BatchHandler;
  readonly detect: BatchHandler;
  readonly indexEvents: BatchHandler;
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set: the integration global setup did not run`);
  return value;
}

/**
 * The whole pipeline on the local services, isolated per test file: fresh streams, a fresh
 * index prefix, a private dead-letter folder and the detections bundle built from detections/;
 * the real handlers are loaded with that environment (they read it at cold start).
 */
export async function startPipeline(name: string): Promise<PipelineHarness> {
  const suffix = `${name}-${Date.now().toString(36)}-${process.pid}`;
  const kinesis = createKinesisClient({ endpoint: required('KINESIS_ENDPOINT') });
  const raw = `it-raw-${suffix}`;
  const normalized = `it-norm-${suffix}`;
  await Promise.all([ensureStream(kinesis, { streamName: raw, shardCount: 2 }), ensureStream(kinesis, { streamName: normalized, shardCount: 1 })]);
  const work = mkdtempSync(path.join(tmpdir(), `logwarden-${name}-`));
  const bundle = path.join(work, 'detections.json');
  writeFileSync(bundle, JSON.stringify(await gatherBundle('detections')));
  const prefix = `it-${suffix}`.toLowerCase();
  const env: Record<string, string> = {
    LOGWARDEN_RAW_STREAM: raw,
    LOGWARDEN_NORMALIZED_STREAM: normalized,
    LOGWARDEN_DLQ_DIR: path.join(work, 'dead-letters'),
    LOGWARDEN_DETECTIONS_BUNDLE: bundle,
    LOGWARDEN_INDEX_PREFIX: prefix,
    LOGWARDEN_TIME_RESERVE_MS: '2000',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  Object.assign(process.env, env);
  const config = readOpenSearchConfig(process.env);
  const handlers: { -readonly [K in 'forward' | 'normalize' | 'detect' | 'indexEvents']?: PipelineHarness[K] } = {};
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- handlers read their environment when loaded */
    handlers.forward = (require('../../../functions/forward/handler') as { handler: PipelineHarness['forward'] }).handler;
    handlers.normalize = (require('../../../functions/normalize/handler') as { handler: BatchHandler }).handler;
    handlers.detect = (require('../../../functions/detect/handler') as { handler: BatchHandler }).handler;
    handlers.indexEvents = (require('../../../functions/index-events/handler') as { handler: BatchHandler }).handler;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  const { forward, normalize, detect, indexEvents } = handlers;
  if (forward === undefined || normalize === undefined || detect === undefined || indexEvents === undefined) throw new Error('handlers did not load');
  return { kinesis, openSearch: createOpenSearchClient(config), names: indexNamesFor(prefix), prefix, raw, normalized, deadLetters: env['LOGWARDEN_DLQ_DIR'] as string, env, forward, normalize, detect, indexEvents };
}

/** Delivers records to a handler as the event source mapping does: per shard, in batches; returns the failed sequence numbers. */
export async function deliver(handler: BatchHandler, records: readonly StreamRecord[], stream: string, batchSize = 10, remainingMs = 60_000): Promise<string[]> {
  const failed: string[] = [];
  for (const shard of [...new Set(records.map((r) => r.shardId))]) {
    const own = records.filter((r) => r.shardId === shard);
    for (let i = 0; i < own.length; i += batchSize) {
      const deadline = Date.now() + remainingMs;
      const event = kinesisEventFrom(own.slice(i, i + batchSize), { streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/${stream}`, region: 'us-east-1', invokeIdentityArn: 'arn:aws:iam::000000000000:role/test' });
      const response = await handler(event, { getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) });
      failed.push(...response.batchItemFailures.map((f) => f.itemIdentifier));
    }
  }
  return failed;
}

export async function readStream(p: PipelineHarness, stream: string): Promise<StreamRecord[]> {
  return readAllRecords(p.kinesis, stream, { timeoutMs: 60_000 });
}

export async function refreshAll(p: PipelineHarness): Promise<void> {
  await p.openSearch.indices.refresh({ index: `${p.prefix}-*`, ignore_unavailable: true, allow_no_indices: true });
}

export async function cleanUp(p: PipelineHarness): Promise<void> {
  await p.openSearch.indices.delete({ index: `${p.prefix}-*`, ignore_unavailable: true, allow_no_indices: true }).catch(() => undefined);
  await p.openSearch.close();
}
