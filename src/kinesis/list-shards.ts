import { ListShardsCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient, Shard } from '@aws-sdk/client-kinesis';

export interface ShardInfo {
  readonly shardId: string;
  /** Set after a split or merge: the parent's records come first (per-key ordering across resharding). */
  readonly parentShardId?: string;
  readonly adjacentParentShardId?: string;
  /** A closed shard has an ending sequence number and takes no more records. */
  readonly closed: boolean;
}

/** Every shard of a stream (open and closed, within retention), in shard id order. */
export async function listShards(client: KinesisClient, streamName: string): Promise<ShardInfo[]> {
  const shards: Shard[] = [];
  let nextToken: string | undefined;
  do {
    // ListShards rejects StreamName together with NextToken.
    const page = await client.send(new ListShardsCommand(nextToken === undefined ? { StreamName: streamName } : { NextToken: nextToken }));
    shards.push(...(page.Shards ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return shards
    .filter((s): s is Shard & { ShardId: string } => s.ShardId !== undefined)
    .map((s) => ({
      shardId: s.ShardId,
      ...(s.ParentShardId !== undefined && { parentShardId: s.ParentShardId }),
      ...(s.AdjacentParentShardId !== undefined && { adjacentParentShardId: s.AdjacentParentShardId }),
      closed: s.SequenceNumberRange?.EndingSequenceNumber !== undefined,
    }))
    .sort((a, b) => (a.shardId < b.shardId ? -1 : a.shardId > b.shardId ? 1 : 0));
}
