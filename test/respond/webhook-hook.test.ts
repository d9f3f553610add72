import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { alertDocumentSchema } from '../../src/respond/alert-notice';
import { parseResponsesConfig } from '../../src/respond/config/load-responses';
import { respondToNotice } from '../../src/respond/respond-engine';
import { createWebhookHook } from '../../src/respond/hooks/webhook-hook';
import { verifyWebhook, WEBHOOK_HEADERS } from '../../src/respond/hooks/webhook-signature';
import { checkWebhookUrl } from '../../src/respond/hooks/webhook-url';
import { alertNotice, cloudTrailAlert } from './support/alerts';
import { collectingDeadLetters, collectingRecorder, memoryActionStore, memoryRateLimiter } from './support/memory-stores';

const SECRET = 'test-signing-secret';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A real HTTP server on loopback answering each request with the next status of the script. */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

const header = (r: Received, name: string): string | undefined => {
  const value = r.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

describe('respond: webhook hook against a local server', () => {
  let servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    servers = [];
  });

  it('POSTs the masked alert with a signature the receiver verifies', async () => {
    const target = await receiver([200]);
    servers.push(target.server);
    const hook = createWebhookHook('soc', { type: 'webhook', url: target.url, secretEnv: 'SECRET' }, { env: { SECRET } });
    const planned = hook.plan({ alert: alertDocumentSchema.parse(cloudTrailAlert()), actionId: 'act_1', accounts: [] });
    if (!planned.ok) throw new Error(planned.error);
    const now = new Date('2026-12-02T10:00:05Z');
    await expect(hook.execute(planned.plan, { actionId: 'act_1', now: () => now })).resolves.toEqual({ kind: 'done', detail: { status: 200 } });

    const [request] = target.received as [Received];
    const body = JSON.parse(request.body) as { action_id: string; alert: { alert: { id: string }; aws: { cloudtrail: { responseElements: unknown } } } };
    expect(body.action_id).toBe('act_1');
    expect(body.alert.aws.cloudtrail.responseElements).toEqual({ accessKey: { accessKeyId: 'AKIA****DFGH', userName: 'alice' } });
    expect(header(request, WEBHOOK_HEADERS.actionId)).toBe('act_1');
    expect(header(request, WEBHOOK_HEADERS.timestamp)).toBe(String(now.getTime() / 1000));
    const headers = { timestamp: header(request, WEBHOOK_HEADERS.timestamp), signature: header(request, WEBHOOK_HEADERS.signature) };
    expect(verifyWebhook(SECRET, headers, request.body, now.getTime() / 1000 + 2)).toEqual({ ok: true, timestamp: now.getTime() / 1000 });
    expect(verifyWebhook('another-secret', headers, request.body, now.getTime() / 1000)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhook(SECRET, headers, request.body.replace('act_1', 'act_2'), now.getTime() / 1000)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('lets the receiver detect a replay: the same request an hour later has a stale timestamp', async () => {
    const target = await receiver([200]);
    servers.push(target.server);
    const hook = createWebhookHook('soc', { type: 'webhook', url: target.url, secretEnv: 'SECRET' }, { env: { SECRET } });
    const planned = hook.plan({ alert: alertDocumentSchema.parse(cloudTrailAlert()), actionId: 'act_1', accounts: [] });
    if (!planned.ok) throw new Error(planned.error);
    const sentAt = new Date('2026-12-02T10:00:00Z');
    await hook.execute(planned.plan, { actionId: 'act_1', now: () => sentAt });
    const [request] = target.received as [Received];
    const headers = { timestamp: header(request, WEBHOOK_HEADERS.timestamp), signature: header(request, WEBHOOK_HEADERS.signature) };
    // The replayed request carries a valid signature, but only for its original time.
    expect(verifyWebhook(SECRET, headers, request.body, sentAt.getTime() / 1000 + 3_600)).toEqual({ ok: false, reason: 'stale-timestamp' });
    // Re-signing with a fresh timestamp needs the secret.
    expect(verifyWebhook(SECRET, { ...headers, timestamp: String(sentAt.getTime() / 1000 + 3_600) }, request.body, sentAt.getTime() / 1000 + 3_600)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('retries a 500 with backoff, then dead-letters the alert and records the failure', async () => {
    const target = await receiver([500, 500, 500]);
    servers.push(target.server);
    const config = parseResponsesConfig(
      `version: 1\nhooks:\n  soc: { type: webhook, url: '${target.url}', secretEnv: SECRET, attempts: 3 }\nroutes:\n  - { name: all-high, match: { minLevel: high }, hooks: [soc] }\n`,
      'responses.yml',
    );
    const hook = createWebhookHook('soc', config.hooks['soc'] as Parameters<typeof createWebhookHook>[1], { env: { SECRET } });
    const recorder = collectingRecorder();
    const deadLetters = collectingDeadLetters();
    const delays: number[] = [];
    const store = memoryActionStore();
    const entries = await respondToNotice(alertNotice(), {
      config,
      hooks: new Map([['soc', hook]]),
      store,
      limiter: memoryRateLimiter(),
      recorder,
      deadLetters,
      now: () => new Date(),
      forceDryRun: false,
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
    });

    expect(target.received).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'failed', attempts: 3, error: expect.stringContaining('HTTP 500') })]);
    expect(recorder.entries.map((e) => e.outcome)).toEqual(['failed']);
    expect(deadLetters.letters).toEqual([expect.objectContaining({ stage: 'respond', reason: 'hook-failed', error: expect.stringContaining('still failing after 3 attempt(s)') })]);
    const redriven = JSON.parse(Buffer.from(deadLetters.letters[0]?.payload.base64 ?? '', 'base64').toString('utf8')) as { retryFailed: boolean };
    expect(redriven.retryFailed).toBe(true);
    expect([...store.records.values()].map((r) => r.state)).toEqual(['failed']);
  });

  it('gives up at once on a 4xx other than 408, 425 and 429', async () => {
    const target = await receiver([403]);
    servers.push(target.server);
    const hook = createWebhookHook('soc', { type: 'webhook', url: target.url, secretEnv: 'SECRET' }, { env: { SECRET } });
    const planned = hook.plan({ alert: alertDocumentSchema.parse(cloudTrailAlert()), actionId: 'act_1', accounts: [] });
    if (!planned.ok) throw new Error(planned.error);
    await expect(hook.execute(planned.plan, { actionId: 'act_1', now: () => new Date() })).resolves.toEqual({ kind: 'permanent', error: expect.stringContaining('HTTP 403') });
  });

  it('times out a receiver that does not answer, as a transient failure', async () => {
    const server = createServer(() => undefined);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const hook = createWebhookHook('soc', { type: 'webhook', url, secretEnv: 'SECRET', timeout: '1s' }, { env: { SECRET } });
    const planned = hook.plan({ alert: alertDocumentSchema.parse(cloudTrailAlert()), actionId: 'act_1', accounts: [] });
    if (!planned.ok) throw new Error(planned.error);
    server.closeAllConnections();
    await expect(hook.execute(planned.plan, { actionId: 'act_1', now: () => new Date() })).resolves.toEqual({ kind: 'transient', error: expect.stringContaining('no answer within 1000 ms') });
    server.closeAllConnections();
  });

  it('accepts https anywhere and plain http only to loopback, never with credentials', () => {
    expect(checkWebhookUrl('https://hooks.example.com/x')).toBeUndefined();
    expect(checkWebhookUrl('http://127.0.0.1:8080/x')).toBeUndefined();
    expect(checkWebhookUrl('http://[::1]:8080/x')).toBeUndefined();
    expect(checkWebhookUrl('http://hooks.example.com/x')).toMatch(/need https/);
    expect(checkWebhookUrl('http://10.0.0.1/x')).toMatch(/need https/);
    expect(checkWebhookUrl('https://user:pw@hooks.example.com/x')).toMatch(/credentials/);
    const hook = createWebhookHook('soc', { type: 'webhook', url: 'http://hooks.example.com/x', secretEnv: 'SECRET' }, { env: { SECRET } });
    expect(hook.plan({ alert: alertDocumentSchema.parse(cloudTrailAlert()), actionId: 'a', accounts: [] })).toEqual({ ok: false, error: expect.stringMatching(/need https/) });
  });

  it('fails permanently when the signing secret is not set', async () => {
    const hook = createWebhookHook('soc', { type: 'webhook', url: 'https://hooks.example.com/x', secretEnv: 'MISSING' }, { env: {} });
    const planned = hook.plan({ alert: alertDocumentSchema.parse(cloudTrailAlert()), actionId: 'a', accounts: [] });
    if (!planned.ok) throw new Error(planned.error);
    await expect(hook.execute(planned.plan, { actionId: 'a', now: () => new Date() })).resolves.toEqual({ kind: 'permanent', error: 'the signing secret in the variable MISSING is not set' });
  });
});
