/**
 * The detect stage end to end on one core: Kinesis batches of normalized events (base64 JSON,
 * as Lambda delivers them) → decode → the shipped rules (detections/, with its pipelines) →
 * alert candidates → the alert store. Printed twice: with an in-memory store (the stage's own
 * cost) and, when OPENSEARCH_URL is set (`npm run services:up`), with real alert writes.
 *
 *   npm run bench:detect-e2e [-- --events 20000 --batch 100]
 */
import { cpus } from 'node:os';
import { kinesisEventFrom } from '../src/batch/kinesis-event-builder';
import { processBatch } from '../src/batch/process-batch';
import type { KinesisEventRecord } from '../src/batch/kinesis-event';
import type { AlertStore } from '../src/detect/alert-store';
import { detectorFromBundle } from '../src/detect/detection-bundle';
import { detectStage } from '../src/detect/detect-stage';
import { gatherBundle } from '../src/detect/gather-bundle';
import { openSearchAlertStore } from '../src/detect/opensearch-alert-store';
import type { DeadLetter } from '../src/dead-letters/dead-letter';
import { encodeNormalizedEvent } from '../src/normalize/normalized-record';
import { createOpenSearchClient, indexNamesFor, readOpenSearchConfig, setupOpenSearch } from '../src/opensearch';
import { createNormalizer } from '../src/normalize/create-normalizer';
import { normalizeRecord } from '../src/normalize/normalize-record';
import { createEventGenerator } from './bench/event-generator';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i < 0 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

async function run(label: string, batches: readonly KinesisEventRecord[][], store: AlertStore, detector: ReturnType<typeof detectorFromBundle>, events: number): Promise<void> {
  const letters: DeadLetter[] = [];
  const stage = detectStage({ detector, alerts: store, deadLetters: { send: async (l) => void letters.push(...l) }, now: () => new Date() });
  const options = { remainingTimeMs: () => 600_000, reserveMs: 1_000 };
  await processBatch(batches[0] ?? [], stage, options); // warm-up
  const started = process.hrtime.bigint();
  let matches = 0;
  let failed = 0;
  for (const batch of batches) {
    const report = await processBatch(batch, stage, options);
    matches += report.outputs;
    failed += report.failed;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`  ${label.padEnd(28)} ${Math.round(events / seconds).toLocaleString('en-US').padStart(8)} events/s  ${((seconds * 1e6) / events).toFixed(1).padStart(7)} µs/event  ${matches} matches, ${failed} failed, ${letters.length} dead letters`);
}

async function main(): Promise<void> {
  const count = option('--events', 20_000);
  const batchSize = option('--batch', 100);
  const bundle = await gatherBundle('detections');
  const detector = detectorFromBundle(bundle);
  console.log(`node ${process.version}; CPU ${cpus()[0]?.model.trim() ?? 'unknown'}; one thread`);
  console.log(`rules: ${detector.ruleSet.rules.length} shipped rules from detections/ (${bundle.pipelines.length} pipeline(s)); stats ${JSON.stringify(detector.ruleSet.stats())}`);

  // Realistic raw lines (Lambda logs with a share of attacks, CloudTrail), through the real normalizer.
  const generator = createEventGenerator(20251202, { attackRate: 0.05 });
  const normalizer = createNormalizer();
  const records = [];
  for (let i = 0; i < count; i++) {
    const line = generator.next();
    const event = normalizeRecord(
      { v: 1, owner: line.cloud.account.id, logGroup: line.aws.cloudwatch.log_group, logStream: line.aws.cloudwatch.log_stream, subscriptionFilters: ['logwarden'], id: String(i), timestamp: Date.parse(line['@timestamp']), message: line.event.original },
      normalizer,
    );
    records.push({ shardId: 'shardId-000000000000', sequenceNumber: String(49_000_000_000_000_000_000_000n + BigInt(i)), partitionKey: 'p', data: encodeNormalizedEvent(event).data });
  }
  const source = { streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/bench', region: 'us-east-1', invokeIdentityArn: 'arn:aws:iam::000000000000:role/bench' };
  const batches: KinesisEventRecord[][] = [];
  for (let i = 0; i < records.length; i += batchSize) batches.push(kinesisEventFrom(records.slice(i, i + batchSize), source).Records);
  console.log(`events: ${records.length.toLocaleString('en-US')} realistic normalized events in batches of ${batchSize}`);

  const memory: AlertStore = { record: async () => ({ failed: new Set() }) };
  await run('in-memory alert store', batches, memory, detector, records.length);

  if (process.env['OPENSEARCH_URL'] === undefined) {
    console.log('  (set OPENSEARCH_URL, e.g. after `npm run services:up`, to include real alert writes)');
    return;
  }
  const config = readOpenSearchConfig({ ...process.env, LOGWARDEN_INDEX_PREFIX: `bench-${Date.now().toString(36)}` });
  const client = createOpenSearchClient(config);
  const names = indexNamesFor(config.indexPrefix);
  await setupOpenSearch(client, { names, replicas: config.replicas });
  try {
    const store = (now: () => Date): AlertStore => openSearchAlertStore({ client, names, deadLetters: { send: async (_l: readonly DeadLetter[]) => undefined }, now });
    await run('OpenSearch alert store', batches, store(() => new Date()), detector, records.length);
  } finally {
    await client.indices.delete({ index: `${config.indexPrefix}-*` }).catch(() => undefined);
    await client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
