import { hash } from 'node:crypto';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RateLimiter } from './rate-limiter';
import { KEY_ATTRIBUTE, TTL_ATTRIBUTE } from './table-schema';

/**
 * Fixed windows in the responses table: one item per key and window start, incremented with a
 * conditional update that fails once the window holds `max`. Items expire (TTL) a window after
 * their window ends.
 */
export function dynamoDbRateLimiter(client: DynamoDBClient, tableName: string): RateLimiter {
  return {
    async take(key, max, windowMs, now) {
      if (max <= 0) return false;
      const start = Math.floor(now.getTime() / windowMs) * windowMs;
      // Keys name URLs and ARNs: long ones are hashed to stay far below the 2 KB key limit.
      const bounded = key.length <= 512 ? key : `${key.slice(0, 200)}~${hash('sha256', key, 'base64url')}`;
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { [KEY_ATTRIBUTE]: { S: `rate#${bounded}#${start}` } },
            UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :one, #expires = :expires',
            ConditionExpression: 'attribute_not_exists(#pk) OR #count < :max',
            ExpressionAttributeNames: { '#pk': KEY_ATTRIBUTE, '#count': 'count', '#expires': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':zero': { N: '0' },
              ':one': { N: '1' },
              ':max': { N: String(max) },
              ':expires': { N: String(Math.ceil((start + 2 * windowMs) / 1000)) },
            },
          }),
        );
        return true;
      } catch (err) {
        if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw err;
      }
    },
  };
}
