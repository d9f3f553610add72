import { DeleteStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import { deadLetterSinkFor } from '../runtime/dependencies';
import { readSettings } from '../runtime/settings';
import type { DeadLetter } from '../dead-letters/dead-letter';
import { sleepMs } from '../kinesis/backoff';
import { createKinesisClient } from '../kinesis/client';
import { ensureStream } from '../kinesis/ensure-stream';
import { resolveStreamNames } from '../kinesis/stream-names';
import { alertsStreamFrom, DEFAULT_ALERTS_STREAM } from '../respond/alerts-stream';
import { createEventSourceMapping, deadLetterDestination, fileCheckpointStore } from '../local-runner';
import type { EventSourceMapping, MappingProgress } from '../local-runner';
import type { PipelineHandlers } from './pipeline-handlers';
import { toSubscriptionEvent } from './subscription-event';

export interface ConsumerSpec {
  readonly name: 'normalize' | 'detect' | 'index-events' | 'respond';
  readonly stream: 'raw' | 'normalized' | 'alerts';
  readonly stage: DeadLetter['stage'];
  readonly handler: keyof Omit<PipelineHandlers, 'forward'>;
}

/** The pipeline's event source mappings, as serverless.yml declares them in AWS. */
export const CONSUMERS: readonly ConsumerSpec[] = [
  { name: 'normalize', stream: 'raw', stage: 'normalize', handler: 'normalize' },
  { name: 'detect', stream: 'normalized', stage: 'detect', handler: 'detect' },
  { name: 'index-events', stream: 'normalized', stage: 'index-events', handler: 'indexEvents' },
  // Only when the handlers include respond (the alerts stream is on).
  { name: 'respond', stream: 'alerts', stage: 'respond', handler: 'respond' },
];

export interface PipelineCounters {
  forwardedPayloads: number;
  forwardedEvents: number;
  normalized: number;
  evaluated: number;
  indexed: number;
  /** Alert notices the respond stage handled. */
  responded: number;
  givenUp: number;
}

export interface LocalPipelineOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly handlers: PipelineHandlers;
  /** Where checkpoints live (`.local/` of the checkout); dead letters follow the runtime settings. */
  readonly stateDir: string;
  readonly onProgress?: (consumer: ConsumerSpec['name'], progress: MappingProgress) => void;
}

/**
 * The pipeline's functions wired as in AWS: a subscription feeds `forward`, and one event
 * source mapping per consumer polls its stream and invokes its handler, with checkpoints in
 * `<stateDir>/checkpoints` (per stream incarnation: a stream recreated by a restart of the
 * services starts from its beginning) and given-up records in the dead letters.
 */
export class LocalPipeline {
  private readonly forwarded = { payloads: 0, events: 0 };
  private readonly kinesis: KinesisClient;
  private mappings: { spec: ConsumerSpec; mapping: EventSourceMapping; streamName: string; checkpointFile: string }[] = [];

  constructor(private readonly options: LocalPipelineOptions) {
    const endpoint = options.env['KINESIS_ENDPOINT'];
    this.kinesis = createKinesisClient(endpoint === undefined ? {} : { endpoint });
  }

  /** What went through each stage so far, from the mappings' own counts of records handled and given up. */
  get counters(): PipelineCounters {
    const handled = (name: ConsumerSpec['name']): number => this.mappings.filter((m) => m.spec.name === name).reduce((n, m) => n + m.mapping.stats().recordsSucceeded, 0);
    return {
      forwardedPayloads: this.forwarded.payloads,
      forwardedEvents: this.forwarded.events,
      normalized: handled('normalize'),
      evaluated: handled('detect'),
      indexed: handled('index-events'),
      responded: handled('respond'),
      givenUp: this.mappings.reduce((n, m) => n + m.mapping.stats().recordsGivenUp, 0),
    };
  }

  /** Creates the mappings (checkpoints loaded lazily by each). */
  async prepare(): Promise<void> {
    const names = { ...resolveStreamNames(this.options.env), alerts: alertsStreamFrom(this.options.env) ?? DEFAULT_ALERTS_STREAM };
    // Given-up records go where the handlers' own dead letters go (a folder locally, SQS if configured).
    const settings = readSettings(this.options.env);
    const sink = deadLetterSinkFor(settings.deadLetters, settings.region);
    this.mappings = [];
    for (const spec of CONSUMERS) {
      const specHandler = this.options.handlers[spec.handler];
      if (specHandler === undefined) continue;
      const streamName = names[spec.stream];
      // kinesis-local creates the raw and normalized streams; the alerts stream is made here.
      if (spec.stream === 'alerts') await ensureStream(this.kinesis, { streamName, shardCount: 1 });
      const incarnation = await this.streamIncarnation(streamName);
      const file = path.join(this.options.stateDir, 'checkpoints', `${streamName}.${spec.name}.${incarnation}.json`);
      const mapping = createEventSourceMapping({
        kinesis: this.kinesis,
        streamName,
        handler: specHandler,
        functionName: `logwarden-local-${spec.name}`,
        checkpointStore: fileCheckpointStore(file, streamName),
        onFailure: deadLetterDestination(sink, spec.stage),
        batchSize: 500,
        batchingWindowMs: 0,
        maximumRetryAttempts: 3,
        retryBaseDelayMs: 200,
        timeoutMs: 60_000,
        pollIntervalMs: 250,
        onProgress: (p) => this.options.onProgress?.(spec.name, p),
      });
      this.mappings.push({ spec, mapping, streamName, checkpointFile: file });
    }
  }

  /**
   * Delivers subscription payloads to `forward` as CloudWatch Logs invokes it: several
   * invocations at once, the payloads of one log stream one after another, in order.
   */
  async feed(payloads: Iterable<SubscriptionPayload>, concurrency = 8): Promise<void> {
    const lanes: SubscriptionPayload[][] = Array.from({ length: concurrency }, () => []);
    for (const payload of payloads) lanes[laneOf(`${payload.logGroup}\u0000${payload.logStream}`, concurrency)]?.push(payload);
    await Promise.all(
      lanes.map(async (lane) => {
        for (const payload of lane) {
          await this.options.handlers.forward(toSubscriptionEvent(payload));
          this.forwarded.payloads++;
          this.forwarded.events += payload.logEvents.length;
        }
      }),
    );
  }

  /** Polls every stream until nothing is left anywhere (the `--once` mode). */
  async drain(): Promise<void> {
    for (let pass = 0; pass < 100; pass++) {
      let moved = 0;
      for (const stream of ['raw', 'normalized', 'alerts'] as const) {
        const results = await Promise.all(this.mappings.filter((m) => m.spec.stream === stream).map((m) => m.mapping.drain()));
        moved += results.reduce((n, s) => n + s.recordsSucceeded + s.recordsGivenUp, 0);
      }
      if (moved === 0) return;
    }
  }

  /** Polls continuously in the background until stop(). */
  async start(): Promise<void> {
    await Promise.all(this.mappings.map((m) => m.mapping.start()));
  }

  /** Lets in-flight invocations finish and saves their checkpoints. */
  async stop(): Promise<void> {
    await Promise.all(this.mappings.map((m) => m.mapping.stop()));
  }

  /**
   * Empties the streams once everything on them was processed (after drain()): kinesis-local
   * keeps every record in memory and slows down as they pile up over repeated local runs.
   * The streams are recreated with their shard counts; the old checkpoints go with them.
   */
  async recycleStreams(): Promise<void> {
    for (const streamName of new Set(this.mappings.map((m) => m.streamName))) {
      const summary = await this.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: streamName }));
      const shardCount = summary.StreamDescriptionSummary?.OpenShardCount ?? 1;
      await this.kinesis.send(new DeleteStreamCommand({ StreamName: streamName, EnforceConsumerDeletion: true }));
      for (let i = 0; i < 150; i++) {
        const gone = await this.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: streamName })).then(
          () => false,
          (err: unknown) => (err as { name?: string }).name === 'ResourceNotFoundException',
        );
        if (gone) break;
        await sleepMs(200);
      }
      await ensureStream(this.kinesis, { streamName, shardCount });
      await Promise.all(this.mappings.filter((m) => m.streamName === streamName).map((m) => rm(m.checkpointFile, { force: true })));
    }
  }



  /** The stream's creation time: checkpoints of an earlier stream of the same name do not apply. */
  private async streamIncarnation(streamName: string): Promise<string> {
    const summary = await this.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: streamName }));
    const created = summary.StreamDescriptionSummary?.StreamCreationTimestamp;
    return created === undefined ? 'unknown' : String(created.getTime());
  }
}


function laneOf(key: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % lanes;
}
