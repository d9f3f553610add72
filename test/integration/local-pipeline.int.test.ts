import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalPipeline } from '../../src/local-pipeline/local-pipeline';
import type { PipelineHandlers } from '../../src/local-pipeline/pipeline-handlers';
import { summarizeAlerts } from '../../src/local-pipeline/alert-summary';
import { generateSampleDay } from '../../src/samples';
import { run } from '../cli/cli-io';
import type { PipelineHarness } from './support/pipeline-harness';
import { cleanUp, refreshAll, startPipeline } from './support/pipeline-harness';

jest.setTimeout(300_000);

async function countEvents(p: PipelineHarness): Promise<number> {
  await refreshAll(p);
  const result = await p.openSearch.count({ index: `${p.prefix}-events-*` });
  return (result.body as { count: number }).count;
}

async function countBy(p: PipelineHarness, logGroup: string): Promise<number> {
  await refreshAll(p);
  const result = await p.openSearch.count({ index: `${p.prefix}-events-*`, body: { query: { term: { 'aws.cloudwatch.log_group': logGroup } } } });
  return (result.body as { count: number }).count;
}

/**
 * `npm start`'s engine on the real services: the sample fed to `forward` as CloudWatch Logs
 * subscriptions, the other functions behind Lambda-like event source mappings, checkpoints on
 * disk. The runner's own semantics (partial failures, retries, restarts) are proven in
 * local-runner.int.test.ts; this proves the pipeline wired with it.
 */
describe('integration: the local pipeline (npm start)', () => {
  let p: PipelineHarness;
  let stateDir: string;
  let handlers: PipelineHandlers;
  const sample = generateSampleDay({ scale: 0.1 });
  const [early, late] = [sample.payloads.slice(0, -20), sample.payloads.slice(-20)];
  const eventsIn = (payloads: typeof sample.payloads) => payloads.reduce((n, payload) => n + payload.logEvents.length, 0);

  beforeAll(async () => {
    p = await startPipeline('local');
    stateDir = mkdtempSync(path.join(tmpdir(), 'logwarden-local-state-'));
    handlers = { forward: p.forward, normalize: p.normalize, detect: p.detect, indexEvents: p.indexEvents };
  });

  afterAll(async () => cleanUp(p));

  it('runs the sample through every stage: every event indexed once, the attacks alerted, nothing dead-lettered', async () => {
    const pipeline = new LocalPipeline({ env: process.env, handlers, stateDir });
    await pipeline.prepare();
    await pipeline.feed(early);
    await pipeline.drain();
    const expected = eventsIn(early);
    expect(pipeline.counters).toMatchObject({ forwardedEvents: expected, normalized: expected, evaluated: expected, indexed: expected, givenUp: 0 });
    expect(await countEvents(p)).toBe(expected);
    const summary = await summarizeAlerts(p.openSearch, p.names.alerts);
    const titles = summary.rules.map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['SQL Injection Attempt in Function Request Logs', 'AWS Root Account Usage', 'AWS Root Console Login Without MFA', 'Web Vulnerability Scanner User Agent in Function Logs']));
    expect(summary.alerts).toBe(summary.rules.reduce((n, r) => n + r.alerts, 0));
    expect(readdirSync(stateDir)).toEqual(['checkpoints']);
  });

  it('resumes from its checkpoints after a restart: nothing processed twice, new input processed once', async () => {
    const restarted = new LocalPipeline({ env: process.env, handlers, stateDir });
    await restarted.prepare();
    await restarted.drain();
    expect(restarted.counters).toMatchObject({ normalized: 0, evaluated: 0, indexed: 0 });
    await restarted.feed(late);
    await restarted.drain();
    const added = eventsIn(late);
    expect(restarted.counters).toMatchObject({ normalized: added, evaluated: added, indexed: added });
    expect(await countEvents(p)).toBe(eventsIn(sample.payloads));
  });

  it('takes a user\'s file through `logwarden replay`, and a second replay of it duplicates nothing', async () => {
    const file = path.join(stateDir, 'orders.log');
    writeFileSync(file, [
      '2026-02-01T10:00:00.000Z\t6a1d2c3b-0000-4000-8000-000000000001\tINFO\tGET /orders?id=1 UNION SELECT password FROM users-- 200',
      '2026-02-01T10:00:01.000Z\t6a1d2c3b-0000-4000-8000-000000000001\tINFO\tGET /orders?id=2 200',
    ].join('\n'));
    const pipeline = new LocalPipeline({ env: process.env, handlers, stateDir });
    await pipeline.prepare();
    for (let round = 0; round < 2; round++) {
      const replay = await run(['replay', file, '--log-group', '/aws/lambda/replayed-orders']);
      expect(replay.stderr).toContain('replayed 2 log event(s) from 1 file(s)');
      expect(JSON.parse(replay.stdout)).toMatchObject({ files: 1, events: 2, deadLettered: 0, stream: p.raw });
      expect(replay.code).toBe(0);
      await pipeline.drain();
      expect(await countBy(p, '/aws/lambda/replayed-orders')).toBe(2);
    }
  });
});
