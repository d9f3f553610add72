import { randomUUID } from 'node:crypto';
import { GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ActionRecord } from './action-record';
import { actionRecordSchema } from './action-record';
import type { ActionStore, ClaimResult } from './action-store';
import { KEY_ATTRIBUTE, TTL_ATTRIBUTE } from './table-schema';

/** Action records are kept 90 days for the audit trail of approvals; the audit index keeps the rest. */
const RETENTION_SECONDS = 90 * 86_400;

type Item = Record<string, AttributeValue>;

/**
 * Actions in DynamoDB, one item per action id. Every state change is a conditional write, so
 * concurrent workers (Lambda runs one per batch, and a stream can deliver the same alert twice)
 * agree on who acts: the loser of a conditional write learns the winner's record instead.
 */
export function dynamoDbActionStore(client: DynamoDBClient, tableName: string): ActionStore {
  const keyOf = (actionId: string): Item => ({ [KEY_ATTRIBUTE]: { S: `action#${actionId}` } });

  const get = async (actionId: string): Promise<ActionRecord | undefined> => {
    const result = await client.send(new GetItemCommand({ TableName: tableName, Key: keyOf(actionId), ConsistentRead: true }));
    return result.Item === undefined ? undefined : fromItem(result.Item);
  };

  const conditional = async <T>(write: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await write();
    } catch (err) {
      if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
      throw err;
    }
  };

  return {
    get,

    async claim(action, options): Promise<ClaimResult> {
      const now = options.now;
      const executing = options.state === 'executing';
      const record: ActionRecord = {
        ...action,
        state: options.state,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        attempts: 0,
        ...(executing ? { leaseUntil: now.getTime() + options.leaseMs, claimToken: randomUUID() } : {}),
      };
      const condition = ['attribute_not_exists(#pk)', '(#state = :executing AND #lease < :now)', ...(options.retryFailed ? ['#state = :failed'] : [])].join(' OR ');
      const written = await conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { ...keyOf(action.actionId), ...toItem(record), [TTL_ATTRIBUTE]: { N: String(expiry(now)) } },
            ConditionExpression: condition,
            ExpressionAttributeNames: { '#pk': KEY_ATTRIBUTE, '#state': 'state', '#lease': 'leaseUntil' },
            ExpressionAttributeValues: { ':executing': { S: 'executing' }, ':now': { N: String(now.getTime()) }, ...(options.retryFailed ? { ':failed': { S: 'failed' } } : {}) },
          }),
        ),
      );
      return written === undefined ? { claimed: false, existing: await get(action.actionId) } : { claimed: true, record };
    },

    async claimApproved(actionId, options): Promise<ClaimResult> {
      const now = options.now;
      const token = randomUUID();
      const condition = ['#state = :approved', '(#state = :executing AND #lease < :now AND attribute_exists(#decidedBy))', ...(options.retryFailed ? ['(#state = :failed AND attribute_exists(#decidedBy))'] : [])].join(' OR ');
      const result = await conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: keyOf(actionId),
            UpdateExpression: 'SET #state = :executing, #lease = :lease, #token = :token, #updated = :at',
            ConditionExpression: `attribute_exists(#pk) AND (${condition})`,
            ExpressionAttributeNames: { '#pk': KEY_ATTRIBUTE, '#state': 'state', '#lease': 'leaseUntil', '#token': 'claimToken', '#updated': 'updatedAt', '#decidedBy': 'decidedBy' },
            ExpressionAttributeValues: {
              ':approved': { S: 'approved' },
              ':executing': { S: 'executing' },
              ':now': { N: String(now.getTime()) },
              ':lease': { N: String(now.getTime() + options.leaseMs) },
              ':token': { S: token },
              ':at': { S: now.toISOString() },
              ...(options.retryFailed ? { ':failed': { S: 'failed' } } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return result?.Attributes === undefined ? { claimed: false, existing: await get(actionId) } : { claimed: true, record: fromItem(result.Attributes) };
    },

    async settle(record, to, fields, now): Promise<boolean> {
      if (record.claimToken === undefined) throw new Error(`action ${record.actionId} is not claimed`);
      const sets = ['#state = :to', '#updated = :at', '#expires = :expires'];
      const values: Item = { ':to': { S: to }, ':at': { S: now.toISOString() }, ':token': { S: record.claimToken }, ':executing': { S: 'executing' }, ':expires': { N: String(expiry(now)) } };
      const names: Record<string, string> = { '#state': 'state', '#updated': 'updatedAt', '#token': 'claimToken', '#lease': 'leaseUntil', '#expires': TTL_ATTRIBUTE };
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        sets.push(`#${name} = :${name}`);
        names[`#${name}`] = name;
        values[`:${name}`] = typeof value === 'number' ? { N: String(value) } : { S: value };
      }
      const result = await conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: keyOf(record.actionId),
            UpdateExpression: `SET ${sets.join(', ')} REMOVE #lease, #token`,
            ConditionExpression: '#token = :token AND #state = :executing',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      );
      return result !== undefined;
    },

    async decide(actionId, decision, by, now): Promise<ActionRecord | undefined> {
      const result = await conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: keyOf(actionId),
            UpdateExpression: 'SET #state = :decision, #by = :by, #decidedAt = :at, #updated = :at',
            ConditionExpression: 'attribute_exists(#pk) AND #state = :awaiting',
            ExpressionAttributeNames: { '#pk': KEY_ATTRIBUTE, '#state': 'state', '#by': 'decidedBy', '#decidedAt': 'decidedAt', '#updated': 'updatedAt' },
            ExpressionAttributeValues: { ':decision': { S: decision }, ':by': { S: by }, ':at': { S: now.toISOString() }, ':awaiting': { S: 'awaiting-approval' } },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return result?.Attributes === undefined ? undefined : fromItem(result.Attributes);
    },
  };
}

function expiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + RETENTION_SECONDS;
}

function toItem(record: ActionRecord): Item {
  const item: Item = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') item[key] = { S: value };
    else if (typeof value === 'number') item[key] = { N: String(value) };
  }
  return item;
}

function fromItem(item: Item): ActionRecord {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === KEY_ATTRIBUTE || key === TTL_ATTRIBUTE) continue;
    if (value.S !== undefined) plain[key] = value.S;
    else if (value.N !== undefined) plain[key] = Number(value.N);
  }
  return actionRecordSchema.parse(plain);
}

