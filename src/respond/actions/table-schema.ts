import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const DEFAULT_RESPONSES_TABLE = 'logwarden-responses';
/** The single key attribute: `action#<id>` for actions, `rate#<key>#<window>` for rate-limit windows. */
export const KEY_ATTRIBUTE = 'pk';
/** Epoch seconds after which DynamoDB's TTL deletes an item. */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * Creates the table when missing (locally; in AWS the stack declares it with the same key and
 * TTL attribute). Waits until it is ACTIVE.
 */
export async function ensureResponsesTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: KEY_ATTRIBUTE, AttributeType: 'S' }],
        KeySchema: [{ AttributeName: KEY_ATTRIBUTE, KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceInUseException') throw err;
  }
  for (let i = 0; i < 100; i++) {
    const status = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus;
    if (status === 'ACTIVE') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } })).catch(() => undefined);
  return 'created';
}
