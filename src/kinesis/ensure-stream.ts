import { CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { sleepMs } from './backoff';

export interface StreamSpec {
  readonly streamName: string;
  readonly shardCount: number;
}

export interface EnsuredStream {
  readonly streamName: string;
  readonly outcome: 'created' | 'existing';
  /** Open shards now; may differ from the requested count for an existing stream. */
  readonly shardCount: number;
  readonly streamArn?: string;
}

export interface EnsureStreamOptions {
  readonly timeoutMs?: number;
  readonly pollIntervalMs?: number;
}

/**
 * Creates a provisioned stream unless it exists, then waits until it is ACTIVE. Idempotent, and
 * safe against a concurrent creator (ResourceInUseException counts as "exists"). Local
 * services and tests use it; in AWS the streams come from the deployment template.
 */
export async function ensureStream(client: KinesisClient, spec: StreamSpec, options: EnsureStreamOptions = {}): Promise<EnsuredStream> {
  let outcome: EnsuredStream['outcome'] = 'existing';
  if ((await describeStream(client, spec.streamName)) === undefined) {
    try {
      await client.send(new CreateStreamCommand({ StreamName: spec.streamName, ShardCount: spec.shardCount, StreamModeDetails: { StreamMode: 'PROVISIONED' } }));
      outcome = 'created';
    } catch (error) {
      if (!isNamed(error, 'ResourceInUseException')) throw error;
    }
  }
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const summary = await describeStream(client, spec.streamName);
    if (summary?.status === 'ACTIVE') {
      return { streamName: spec.streamName, outcome, shardCount: summary.openShardCount, ...(summary.arn !== undefined && { streamArn: summary.arn }) };
    }
    if (Date.now() > deadline) {
      throw new Error(`stream ${spec.streamName} is ${summary?.status ?? 'missing'}, not ACTIVE, after ${options.timeoutMs ?? 30_000} ms`);
    }
    await sleepMs(options.pollIntervalMs ?? 250);
  }
}

interface StreamSummary {
  readonly status: string;
  readonly openShardCount: number;
  readonly arn?: string;
}

async function describeStream(client: KinesisClient, streamName: string): Promise<StreamSummary | undefined> {
  try {
    const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName: streamName }));
    return { status: s?.StreamStatus ?? 'UNKNOWN', openShardCount: s?.OpenShardCount ?? 0, ...(s?.StreamARN !== undefined && { arn: s.StreamARN }) };
  } catch (error) {
    if (isNamed(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}
