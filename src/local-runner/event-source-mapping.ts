import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { listShards } from '../kinesis/list-shards';
import type { ShardInfo } from '../kinesis/list-shards';
import type { CheckpointStore, Checkpoints } from './checkpoint-store';
import { defaultCheckpointFile, fileCheckpointStore } from './file-checkpoint-store';
import { describeError } from './invocation-outcome';
import type { KinesisBatchHandler } from './invoke-handler';
import type { MappingSettings, MappingSettingsInput } from './mapping-settings';
import { parseMappingSettings } from './mapping-settings';
import type { OnFailureRecord } from './on-failure-record';
import type { MappingStats, ProgressListener } from './progress';
import { emptyStats, safeListener } from './progress';
import { retryDelayMs } from './retry-policy';
import type { PollMode, ShardConsumerDeps, ShardRunEnd } from './shard-consumer';
import { ShardConsumer } from './shard-consumer';
import { StopSignal } from './stop-signal';

export interface EventSourceMappingOptions extends MappingSettingsInput {
  readonly kinesis: KinesisClient;
  readonly streamName: string;
  readonly handler: KinesisBatchHandler;
  /** The on-failure destination: receives the records the retries gave up on (see deadLetterDestination). */
  readonly onFailure: (failure: OnFailureRecord) => Promise<void> | void;
  /** Defaults to a file at `.local/checkpoints/<stream>.json`. */
  readonly checkpointStore?: CheckpointStore;
  /** The function's name in its context and ARN; defaults to `<stream>-consumer`. */
  readonly functionName?: string;
  /** Defaults to the Kinesis client's region. */
  readonly region?: string;
  /** Defaults to a role named after the function in the stream's account. */
  readonly invokeIdentityArn?: string;
  readonly onProgress?: ProgressListener;
  /** Injectable for deterministic backoff in tests. */
  readonly random?: () => number;
}

export interface EventSourceMapping {
  readonly streamName: string;
  readonly settings: MappingSettings;
  /** Starts polling every shard in the background; resolves once the shards are listed. */
  start(): Promise<void>;
  /** Lets in-flight invocations finish (their checkpoints saved), then stops polling. */
  stop(): Promise<void>;
  /** Processes until every shard has nothing more (the `--once` mode); resolves with what this call did. */
  drain(): Promise<MappingStats>;
  /** One read and one delivery (with retries) per shard; resolves with what this call did. */
  pollOnce(): Promise<MappingStats>;
  /** Counts since the mapping was created. */
  stats(): MappingStats;
}

interface Session {
  readonly stop: StopSignal;
  readonly deps: ShardConsumerDeps;
  readonly shards: Map<string, ShardInfo>;
  readonly consumers: Map<string, ShardConsumer>;
  readonly checkpoints: Checkpoints;
}

type TaskEnd = ShardRunEnd | 'parent-unfinished';

const LIST_SHARDS_BACKOFF = { retryBaseDelayMs: 500, retryMaxDelayMs: 10_000 } as const;

/**
 * A local stand-in for Lambda's Kinesis event source mapping
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html): polls every shard of a stream,
 * invokes the handler in-process with the batches Lambda would build, honours partial batch
 * responses and MaximumRetryAttempts, sends what it gives up on to `onFailure`, and keeps
 * per-shard checkpoints so a restart resumes where the last run stopped. Shards run concurrently;
 * within a shard one invocation at a time, in sequence order; a child shard waits for its parents.
 */
export function createEventSourceMapping(options: EventSourceMappingOptions): EventSourceMapping {
  const settings = parseMappingSettings(options);
  const progress = safeListener(options.onProgress);
  const checkpointStore = options.checkpointStore ?? fileCheckpointStore(defaultCheckpointFile(options.streamName), options.streamName);
  const stats = emptyStats();
  // The open session (shards, consumers, stop signal), shared by start, drain and pollOnce until stop().
  let session: Promise<Session> | undefined;
  let running: Promise<unknown> | undefined;

  function openSession(): Promise<Session> {
    if (session === undefined) {
      const opening = newSession();
      session = opening;
      opening.catch(() => {
        if (session === opening) session = undefined;
      });
    }
    return session;
  }

  async function newSession(): Promise<Session> {
    const { kinesis, streamName } = options;
    const summary = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: streamName }));
    const streamArn = summary.StreamDescriptionSummary?.StreamARN;
    if (streamArn === undefined) throw new Error(`stream ${streamName} has no ARN in DescribeStreamSummary`);
    const region = options.region ?? (await kinesis.config.region());
    const account = streamArn.split(':')[4] || '000000000000';
    const functionName = options.functionName ?? `${streamName}-consumer`;
    const [checkpoints, shards] = await Promise.all([checkpointStore.load(), listShards(kinesis, streamName)]);
    const stop = new StopSignal();
    const deps: ShardConsumerDeps = {
      kinesis,
      streamName,
      source: { streamArn, region, invokeIdentityArn: options.invokeIdentityArn ?? `arn:aws:iam::${account}:role/${functionName}-role` },
      fn: { functionName, functionArn: `arn:aws:lambda:${region}:${account}:function:${functionName}` },
      handler: options.handler,
      settings,
      checkpoints: checkpointStore,
      onFailure: options.onFailure,
      progress,
      stats,
      stop,
      ...(options.random !== undefined && { random: options.random }),
    };
    return { stop, deps, shards: new Map(shards.map((s) => [s.shardId, s])), consumers: new Map(), checkpoints };
  }

  function consumerOf(s: Session, shardId: string): ShardConsumer {
    let consumer = s.consumers.get(shardId);
    if (consumer === undefined) {
      consumer = new ShardConsumer(shardId, s.checkpoints[shardId], s.deps);
      s.consumers.set(shardId, consumer);
    }
    return consumer;
  }

  /** Re-lists shards after one ended: a split or merge closed it and opened its children. */
  async function refreshShards(s: Session, mode: PollMode): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        for (const shard of await listShards(options.kinesis, options.streamName)) s.shards.set(shard.shardId, shard);
        return;
      } catch (error) {
        if (mode === 'drain' && attempt >= 5) throw error;
        const retryInMs = retryDelayMs(attempt, LIST_SHARDS_BACKOFF);
        progress({ type: 'error', during: 'list-shards', error: describeError(error), retryInMs });
        await s.stop.sleep(retryInMs);
        if (s.stop.stopped) return;
      }
    }
  }

  function parentsOf(s: Session, shard: ShardInfo): string[] {
    // A parent past retention is no longer listed: nothing to wait for.
    return [shard.parentShardId, shard.adjacentParentShardId].filter((id): id is string => id !== undefined && s.shards.has(id));
  }

  async function runShards(s: Session, mode: PollMode): Promise<void> {
    const tasks = new Map<string, Promise<TaskEnd>>();
    const errors: unknown[] = [];
    const launch = (shardId: string): Promise<TaskEnd> => {
      const existing = tasks.get(shardId);
      const shard = s.shards.get(shardId);
      if (existing !== undefined || shard === undefined) return existing ?? Promise.resolve('parent-unfinished');
      const parentRuns = parentsOf(s, shard).map(launch);
      const task = (async (): Promise<TaskEnd> => {
        if ((await Promise.all(parentRuns)).some((end) => end !== 'ended')) return 'parent-unfinished';
        const end = await consumerOf(s, shardId).run(mode);
        if (end === 'ended') {
          await refreshShards(s, mode);
          for (const id of s.shards.keys()) launch(id);
        }
        return end;
      })();
      tasks.set(shardId, task);
      task.catch((error: unknown) => {
        errors.push(error);
        s.stop.stop(); // one shard failed to drain: stop the others and report it
      });
      return task;
    };
    for (const id of s.shards.keys()) launch(id);
    for (;;) {
      const pending = [...tasks.values()];
      await Promise.allSettled(pending);
      if (tasks.size === pending.length) break;
    }
    if (errors.length > 0) {
      // The failure stopped this session; the next call opens a new one from the saved checkpoints.
      if (session !== undefined && (await session) === s) session = undefined;
      throw errors[0];
    }
  }

  async function exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (running !== undefined) throw new Error(`the mapping of ${options.streamName} is already running`);
    const run = work();
    running = run;
    try {
      return await run;
    } finally {
      if (running === run) running = undefined;
    }
  }

  function delta(before: MappingStats): MappingStats {
    return {
      invocations: stats.invocations - before.invocations,
      recordsSucceeded: stats.recordsSucceeded - before.recordsSucceeded,
      failedInvocations: stats.failedInvocations - before.failedInvocations,
      recordsGivenUp: stats.recordsGivenUp - before.recordsGivenUp,
    };
  }

  return {
    streamName: options.streamName,
    settings,
    async start() {
      if (running !== undefined) throw new Error(`the mapping of ${options.streamName} is already running`);
      const opening = openSession();
      // A session that cannot open rejects start(); later errors are reported, shards keep retrying.
      const run = opening.then(
        (s) => runShards(s, 'continuous').catch((error: unknown) => progress({ type: 'error', during: 'run', error: describeError(error) })),
        () => undefined,
      );
      running = run;
      void run.finally(() => {
        if (running === run) running = undefined;
      });
      await opening;
    },
    async stop() {
      const opening = session;
      if (opening === undefined) return;
      const s = await opening.catch(() => undefined);
      s?.stop.stop();
      await running?.catch(() => undefined);
      if (session === opening) session = undefined;
    },
    drain() {
      return exclusively(async () => {
        const before = { ...stats };
        await runShards(await openSession(), 'drain');
        return delta(before);
      });
    },
    pollOnce() {
      return exclusively(async () => {
        const before = { ...stats };
        const s = await openSession();
        const ready = [...s.shards.values()].filter((shard) => !consumerOf(s, shard.shardId).finished && parentsOf(s, shard).every((id) => consumerOf(s, id).finished));
        await Promise.all(ready.map((shard) => consumerOf(s, shard.shardId).pollOnce()));
        if (ready.some((shard) => consumerOf(s, shard.shardId).finished)) await refreshShards(s, 'drain');
        return delta(before);
      });
    },
    stats: () => ({ ...stats }),
  };
}
