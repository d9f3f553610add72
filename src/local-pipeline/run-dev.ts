import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import { gatherBundle } from '../detect/gather-bundle';
import { compileBundle } from '../detect/detection-bundle';
import { createOpenSearchClient, indexNamesFor, readOpenSearchConfig, refreshIndex, setupOpenSearch } from '../opensearch';
import type { Client } from '@opensearch-project/opensearch';
import { redactUrl } from '../services/redact-url';
import { createLocalServices } from '../services/registry';
import { describeError, startServices, stopServices } from '../services/run-services';
import type { ServiceUp } from '../services/run-services';
import { DEFAULT_ALERTS_STREAM } from '../respond/alerts-stream';
import { describeAlertSummary, summarizeAlerts } from './alert-summary';
import { describeResponses } from './response-summary';
import { LocalPipeline } from './local-pipeline';
import type { PipelineCounters } from './local-pipeline';
import { withLocalEndpoints } from './local-endpoints';
import { loadPipelineHandlers } from './pipeline-handlers';
import { acquireRunLock, AlreadyRunningError } from './run-lock';

export interface DevOptions {
  /** Exit after the sample replay instead of running until interrupted. */
  readonly once: boolean;
  /** Replay the bundled sample (default true). */
  readonly samples: boolean;
  /** The checkout: detections/ and .local/ are found here. */
  readonly projectRoot: string;
  readonly sample: () => Iterable<SubscriptionPayload>;
  /** A short description of the sample, for the first progress line. */
  readonly sampleDescription: string;
}

export interface DevIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Resolves when the user asks to stop (Ctrl-C). */
  readonly interrupted: Promise<void>;
}

const PROGRESS_EVERY_MS = 2_000;

/**
 * `npm start` / `logwarden dev`: the whole pipeline on this machine. Starts the local services
 * (or uses running ones), sets up OpenSearch, compiles detections/, runs every function behind
 * Lambda-like event source mappings, replays the bundled sample, and prints progress and an
 * alert summary. Stops only the services it started itself.
 */
export async function runDev(options: DevOptions, io: DevIo): Promise<number> {
  const stateDir = path.join(options.projectRoot, '.local');
  let release: (() => void) | undefined;
  try {
    release = acquireRunLock(path.join(stateDir, 'pipeline.pid'));
  } catch (err) {
    if (!(err instanceof AlreadyRunningError)) throw err;
    io.err(`logwarden: ${err.message}`);
    return 1;
  }
  let up: ServiceUp[] = [];
  let pipeline: LocalPipeline | undefined;
  try {
    io.err('starting local services (the first run fetches OpenSearch, about 55 MB)…');
    up = await startServices(createLocalServices(process.env, (line) => io.err(`  ${line}`)), (line) => io.err(`  ${line}`), { stopStartedOnFailure: true });
    for (const { service, start } of up) io.err(`  ${service.name}: ${start.outcome} at ${redactUrl(start.endpoint)}`);
    const env = pipelineEnv(up, stateDir, options.projectRoot);
    Object.assign(process.env, env); // the handlers read their settings when loaded
    const bundle = await writeBundle(options.projectRoot, stateDir);
    process.env['LOGWARDEN_DETECTIONS_BUNDLE'] = bundle.file;
    io.err(`detections: ${bundle.rules} rule(s) compiled from detections/`);
    const config = readOpenSearchConfig(process.env);
    const openSearch = createOpenSearchClient(config);
    const names = indexNamesFor(config.indexPrefix);
    await setupOpenSearch(openSearch, { names, replicas: config.replicas });

    pipeline = new LocalPipeline({ env: process.env, handlers: loadPipelineHandlers(), stateDir, onProgress: (consumer, p) => {
      if (p.type === 'gave-up') io.err(`  ${consumer}: gave up on ${p.records} record(s) after ${p.attempts} attempt(s): ${p.error} (see \`npx logwarden dlq list\`)`);
    } });
    await pipeline.prepare();
    const countAlerts = alertCounter(openSearch, names.alerts);
    const progress = startProgress(() => pipeline?.counters, countAlerts, io);
    try {
      if (options.samples) {
        io.err(`replaying the sample: ${options.sampleDescription}`);
        if (options.once) {
          // Stage by stage: on a small machine this is faster than every stage polling at once.
          await pipeline.feed(options.sample());
          await pipeline.drain();
          await pipeline.recycleStreams();
        } else {
          await pipeline.start();
          await pipeline.feed(options.sample());
        }
      } else if (!options.once) {
        await pipeline.start();
      }
      if (!options.once) await waitUntilIdle(() => pipeline?.counters);
    } finally {
      progress.stop();
    }
    await refreshIndex(openSearch, names.alerts).catch(() => undefined);
    const summary = await summarizeAlerts(openSearch, names.alerts);
    for (const line of describeAlertSummary(summary)) io.out(line);
    if (env['LOGWARDEN_ALERTS_STREAM'] !== undefined) {
      await refreshIndex(openSearch, names.responses).catch(() => undefined);
      for (const line of await describeResponses(openSearch, names.responses)) io.out(line);
    }
    io.out('');
    io.out('next:');
    io.out('  npx logwarden alerts                      list alerts (--level high, --json, alerts show <id>)');
    io.out(`  OpenSearch                                ${redactUrl(config.url)} (indices ${names.alerts}, ${config.indexPrefix}-events-*)`);
    io.out('  npx logwarden replay <file> --log-group /aws/lambda/my-function   feed your own logs');
    io.out('  npx logwarden dlq list                    records that could not be processed');
    io.out('  npx logwarden respond log                 remediation actions proposed for the alerts (docs/responding.md)');
    if (!options.once) {
      io.err('running: new input is processed as it arrives; Ctrl-C stops');
      const running = startProgress(() => pipeline?.counters, countAlerts, io);
      await io.interrupted;
      running.stop();
      io.err('stopping…');
    }
    await openSearch.close();
    return 0;
  } catch (err) {
    io.err(`logwarden: ${describeError(err)}`);
    return 1;
  } finally {
    await pipeline?.stop().catch((err: unknown) => io.err(`could not stop the pipeline cleanly: ${describeError(err)}`));
    const ours = up.filter((u) => u.start.outcome === 'started').map((u) => u.service);
    if (ours.length > 0) {
      io.err(`stopping the services this run started (${ours.map((s) => s.name).join(', ')}); start them with \`npm run services:up\` to keep them running`);
      await stopServices(ours).catch((err: unknown) => io.err(`could not stop services: ${describeError(err)}`));
    }
    release?.();
  }
}

/**
 * Endpoints of the services, stream names, and local folders for everything the handlers write.
 * With detections/responses.yml present, respond runs too, always as a dry-run: `npm start`
 * never calls AWS or a webhook.
 */
function pipelineEnv(up: readonly ServiceUp[], stateDir: string, projectRoot: string): Record<string, string> {
  const fromServices = Object.assign({}, ...up.map((u) => u.service.clientEnv())) as Record<string, string>;
  const env = withLocalEndpoints({ ...process.env, ...fromServices });
  const responsesFile = path.join(projectRoot, 'detections', 'responses.yml');
  const respond = existsSync(responsesFile) && fromServices['DYNAMODB_ENDPOINT'] !== undefined;
  return {
    ...fromServices,
    KINESIS_ENDPOINT: env['KINESIS_ENDPOINT'] as string,
    OPENSEARCH_URL: env['OPENSEARCH_URL'] as string,
    LOGWARDEN_DLQ_DIR: process.env['LOGWARDEN_DLQ_DIR'] ?? path.join(stateDir, 'dead-letters'),
    POWERTOOLS_METRICS_DISABLED: process.env['POWERTOOLS_METRICS_DISABLED'] ?? 'true',
    AWS_REGION: process.env['AWS_REGION'] ?? 'us-east-1',
    ...(respond
      ? { LOGWARDEN_ALERTS_STREAM: process.env['LOGWARDEN_ALERTS_STREAM'] ?? DEFAULT_ALERTS_STREAM, LOGWARDEN_RESPONSES_FILE: responsesFile, LOGWARDEN_RESPOND_DRY_RUN: 'true' }
      : {}),
  };
}

/** detections/ compiled now (so edits apply on the next start without a rebuild). */
async function writeBundle(projectRoot: string, stateDir: string): Promise<{ file: string; rules: number }> {
  const bundle = await gatherBundle(path.join(projectRoot, 'detections'));
  const { collection } = compileBundle(bundle); // throws with every problem listed
  const file = path.join(stateDir, 'detections.json');
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify(bundle));
  return { file, rules: collection.rules.length };
}

/** The alerts index's document count, refreshed in the background: progress lines never wait on it. */
function alertCounter(client: Client, index: string): () => number | undefined {
  let latest: number | undefined;
  let busy = false;
  return () => {
    if (!busy) {
      busy = true;
      client.count({ index, ignore_unavailable: true, allow_no_indices: true }).then(
        (r) => { latest = (r.body as { count?: number }).count ?? latest; busy = false; },
        () => { busy = false; },
      );
    }
    return latest;
  };
}

function startProgress(counters: () => PipelineCounters | undefined, alerts: () => number | undefined, io: DevIo): { stop(): void } {
  let last = '';
  const report = (): void => {
    const count = alerts();
    const current = counters();
    if (current === undefined) return;
    const line = `${describeCounters(current)}${count === undefined ? '' : `; ${count} alert(s)`}`;
    if (line !== last) io.err(`  ${line}`);
    last = line;
  };
  const timer = setInterval(report, PROGRESS_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      report();
    },
  };
}

export function describeCounters(c: PipelineCounters): string {
  const givenUp = c.givenUp > 0 ? `, ${c.givenUp} dead-lettered` : '';
  const responded = c.responded > 0 ? ` → respond ${c.responded} alert notice(s)` : '';
  return `forwarded ${c.forwardedEvents} log event(s) in ${c.forwardedPayloads} payload(s) → normalized ${c.normalized} → evaluated ${c.evaluated}${responded}, indexed ${c.indexed}${givenUp}`;
}

/** In continuous mode, the first summary waits until the sample has gone through every stage. */
async function waitUntilIdle(countersNow: () => PipelineCounters | undefined, quietMs = 3_000, timeoutMs = 300_000): Promise<void> {
  const started = Date.now();
  let snapshot = JSON.stringify(countersNow());
  let quietSince = Date.now();
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const counters = countersNow();
    const now = JSON.stringify(counters);
    if (now !== snapshot) {
      snapshot = now;
      quietSince = Date.now();
    } else if (counters !== undefined && Date.now() - quietSince >= quietMs && counters.evaluated >= counters.normalized && counters.indexed >= counters.normalized) {
      return;
    }
  }
}
