import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@opensearch-project/opensearch';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { kinesisEventFrom } from '../../src/batch/kinesis-event-builder';
import { FileDeadLetterSink } from '../../src/dead-letters/file-sink';
import { createKinesisClient } from '../../src/kinesis/client';
import { ensureStream } from '../../src/kinesis/ensure-stream';
import { readAllRecords } from '../../src/kinesis/read-stream';
import { actionIdOf } from '../../src/respond/actions/action-id';
import { bulkWrite, refreshIndex, setupOpenSearch } from '../../src/opensearch';
import { createDynamoDbClient } from '../../src/respond/actions/dynamodb-client';
import { ensureResponsesTable } from '../../src/respond/actions/table-schema';
import { encodeNotice } from '../../src/respond/alert-notice';
import { verifyWebhook, WEBHOOK_HEADERS } from '../../src/respond/hooks/webhook-signature';
import { run } from '../cli/cli-io';
import { kinesisRecord } from '../factories/kinesis-events';
import { liveClient, removeAll, storedDocument, uniqueNames } from '../opensearch/live-node';
import { alertNotice, cloudTrailAlert } from '../respond/support/alerts';

jest.setTimeout(90_000);

type Handler = (event: unknown, context: { getRemainingTimeInMillis(): number }) => Promise<BatchResponse>;

const names = uniqueNames();
const alertsStream = `it-alerts-${Date.now().toString(36)}-${process.pid}`;
const SECRET = 'integration-secret';
let client: Client;
let server: Server;
const statuses: number[] = [];
const received: { body: string; timestamp: string; signature: string }[] = [];
let dlqDir: string;
let handler: Handler;

beforeAll(async () => {
  client = liveClient();
  await setupOpenSearch(client, { names, replicas: 0 });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), timestamp: String(req.headers[WEBHOOK_HEADERS.timestamp]), signature: String(req.headers[WEBHOOK_HEADERS.signature]) });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
  const work = mkdtempSync(path.join(tmpdir(), 'logwarden-respond-'));
  const responsesFile = path.join(work, 'responses.yml');
  writeFileSync(
    responsesFile,
    `version: 1\nhooks:\n  soc: { type: webhook, url: '${url}', secretEnv: RESPOND_IT_SECRET, attempts: 2 }\n  gate: { type: webhook, url: '${url}', secretEnv: RESPOND_IT_SECRET }\n` +
      `routes:\n  - { name: high, match: { minLevel: high }, hooks: [soc] }\n  - { name: gated, match: { rules: [needs-approval] }, hooks: [gate], approval: required }\n`,
  );
  dlqDir = path.join(work, 'dead-letters');
  const table = `logwarden-responses-it-${randomBytes(4).toString('hex')}`;
  const dynamo = createDynamoDbClient({ endpoint: process.env['DYNAMODB_ENDPOINT'] as string });
  await ensureResponsesTable(dynamo, table);
  dynamo.destroy();
  const kinesis = createKinesisClient({ endpoint: process.env['KINESIS_ENDPOINT'] as string });
  await ensureStream(kinesis, { streamName: alertsStream, shardCount: 1 });
  kinesis.destroy();
  Object.assign(process.env, { LOGWARDEN_ALERTS_STREAM: alertsStream, LOGWARDEN_INDEX_PREFIX: names.prefix, LOGWARDEN_RESPONSES_FILE: responsesFile, LOGWARDEN_RESPONSES_TABLE: table, LOGWARDEN_DLQ_DIR: dlqDir, RESPOND_IT_SECRET: SECRET, AWS_REGION: 'us-east-1' });
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the handler reads its environment when loaded, like a cold start
    handler = (require('../../functions/respond/handler') as { handler: Handler }).handler;
  });
});

afterAll(async () => {
  await removeAll(client, names);
  await client.transport.request({ method: 'DELETE', path: `/_index_template/${names.prefix}-responses` }, { ignore: [404] });
  await client.close();
  await new Promise((resolve) => server.close(resolve));
  delete process.env['LOGWARDEN_INDEX_PREFIX'];
  delete process.env['LOGWARDEN_ALERTS_STREAM'];
});

async function indexAlert(alertId: string): Promise<void> {
  await bulkWrite(client, [{ action: 'create', index: names.alerts, id: alertId, document: cloudTrailAlert({ alertId, tags: [] }) }], { refresh: 'wait_for' });
}

async function auditOutcomes(alertId: string): Promise<string[]> {
  await refreshIndex(client, `${names.prefix}-responses`);
  const result = await client.search({ index: `${names.prefix}-responses`, body: { size: 100, query: { term: { 'alert.id': alertId } }, sort: [{ '@timestamp': 'asc' }] } });
  return (result.body.hits.hits as { _source: { action: { outcome: string } } }[]).map((h) => h._source.action.outcome);
}

const context = { getRemainingTimeInMillis: () => 60_000 };

describe('functions: respond handler on OpenSearch and dynalite', () => {
  it('acts once on an alert delivered twice, and records the outcome on the alert and in the audit index', async () => {
    const alertId = `alert-${randomBytes(4).toString('hex')}`;
    await indexAlert(alertId);
    const data = encodeNotice(alertNotice({ alertId, tags: [] }));
    const response = await handler({ Records: [kinesisRecord(data), kinesisRecord(data)] }, context);

    expect(response).toEqual({ batchItemFailures: [] });
    expect(received).toHaveLength(1);
    const request = received[0] as { body: string; timestamp: string; signature: string };
    expect(verifyWebhook(SECRET, request, request.body, Number(request.timestamp))).toEqual({ ok: true, timestamp: Number(request.timestamp) });
    const stored = await storedDocument(client, names.alerts, alertId);
    expect(stored?.source['response']).toEqual({
      status: 'done',
      updated_at: expect.any(String),
      actions: [expect.objectContaining({ hook: 'soc', route: 'high', kind: 'webhook', outcome: 'done', dry_run: false })],
    });
    expect((await auditOutcomes(alertId)).sort()).toEqual(['done', 'skipped-duplicate']);
  });

  it('retries a 500, then dead-letters the notice and records the failure', async () => {
    received.length = 0;
    statuses.push(500, 500);
    const alertId = `alert-${randomBytes(4).toString('hex')}`;
    await indexAlert(alertId);
    const response = await handler({ Records: [kinesisRecord(encodeNotice(alertNotice({ alertId, tags: [] })))] }, context);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(received).toHaveLength(2);
    expect(await auditOutcomes(alertId)).toEqual(['failed']);
    const { letters } = await new FileDeadLetterSink(dlqDir).read('respond');
    expect(letters).toEqual([expect.objectContaining({ stage: 'respond', reason: 'hook-failed', error: expect.stringContaining('HTTP 500') })]);
    expect((await storedDocument(client, names.alerts, alertId))?.source['response']).toEqual(expect.objectContaining({ status: 'failed' }));
  });

  it('dead-letters a record that is not a notice and carries on', async () => {
    const response = await handler({ Records: [kinesisRecord('not json')] }, context);
    expect(response).toEqual({ batchItemFailures: [] });
    const { letters } = await new FileDeadLetterSink(dlqDir).read('respond');
    expect(letters.map((l) => l.reason)).toContain('undecodable-notice');
  });

  it('holds an action for approval; `logwarden respond approve` has the function run it once', async () => {
    received.length = 0;
    const alertId = `alert-${randomBytes(4).toString('hex')}`;
    await indexAlert(alertId);
    const notice = alertNotice({ alertId, ruleId: 'needs-approval', level: 'medium', tags: [] });
    expect(await handler({ Records: [kinesisRecord(encodeNotice(notice))] }, context)).toEqual({ batchItemFailures: [] });
    expect(received).toHaveLength(0);
    const actionId = actionIdOf(alertId, 'gate');
    await refreshIndex(client, `${names.prefix}-responses`);
    const pending = await run(['respond', 'log', '--outcome', 'awaiting-approval', '--alert', alertId, '--json']);
    expect((JSON.parse(pending.stdout) as { action: { id: string } }[]).map((d) => d.action.id)).toEqual([actionId]);

    const approved = await run(['respond', 'approve', actionId, '--by', 'alice']);
    expect(approved.stderr).toBe('');
    expect(approved.stdout).toContain(`approved ${actionId}`);
    expect((await run(['respond', 'reject', actionId])).code).toBe(1);

    // What the approval put on the alerts stream, delivered to the function as Lambda would.
    const kinesis = createKinesisClient({ endpoint: process.env['KINESIS_ENDPOINT'] as string });
    const records = await readAllRecords(kinesis, alertsStream, { timeoutMs: 10_000 });
    kinesis.destroy();
    const event = kinesisEventFrom(records, { streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/${alertsStream}`, region: 'us-east-1', invokeIdentityArn: 'arn:aws:iam::000000000000:role/respond' });
    expect(await handler(event, context)).toEqual({ batchItemFailures: [] });
    expect(await handler(event, context)).toEqual({ batchItemFailures: [] });
    expect(received).toHaveLength(1);
    expect((await auditOutcomes(alertId)).sort()).toEqual(['approved', 'awaiting-approval', 'done', 'skipped-duplicate']);
    const response = (await storedDocument(client, names.alerts, alertId))?.source['response'] as { actions: { outcome: string; by?: string }[] };
    expect(response.actions).toEqual([expect.objectContaining({ outcome: 'done', by: 'alice' })]);
  });
});
