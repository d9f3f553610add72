import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io';
import { normalizeCommand, type NormalizeOptions } from '../../src/cli/commands/normalize';
import { validatePayload } from '../../src/cloudwatch/subscription-payload';
import { generateSampleDay, PAYLOADS_FILE, type SampleFile, SUMMARY_FILE, writeSampleFiles } from '../../src/samples';
import { writeSamplesMain } from '../../src/samples/write-samples-main';

const sample = generateSampleDay({ scale: 0.3 });
let dir = '';
let files: readonly SampleFile[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'logwarden-samples-'));
  files = await writeSampleFiles(dir, sample);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const linesOf = (file: string) => read(file).split('\n').slice(0, -1);

/** Feeds a written file to `logwarden normalize` as a user would, and returns the printed events. */
async function normalizeFile(file: SampleFile): Promise<{ code: number; events: Record<string, unknown>[] }> {
  let stdout = '';
  const io: CliIo = { stdin: Readable.from(['']), stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } };
  const options: NormalizeOptions = { logGroup: file.logGroup ?? 'unused', logStream: 'replay', account: '111122223333', format: file.format };
  const code = await normalizeCommand(path.join(dir, file.path), options, io);
  return { code, events: stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('samples: writeSampleFiles', () => {
  it('writes the payloads, one file per log group and the summary', () => {
    expect(files.map((f) => [f.path, f.format])).toEqual([
      [PAYLOADS_FILE, 'cwl'],
      ['log-groups/aws-lambda-auth-service.log', 'lines'],
      ['log-groups/aws-lambda-orders-api.log', 'lines'],
      ['log-groups/aws-lambda-payments-worker.log', 'lines'],
      ['log-groups/aws-lambda-report-generator.log', 'lines'],
      ['log-groups/aws-lambda-thumbnailer.log', 'lines'],
      [expect.stringMatching(/^log-groups\/aws-cloudtrail-logs-111122223333-[0-9a-f]{8}\.ndjson$/), 'ndjson'],
    ]);
    const summary = JSON.parse(read(SUMMARY_FILE)) as { logEvents: number; files: unknown };
    expect(summary.logEvents).toBe(sample.summary.logEvents);
    expect(summary.files).toEqual(JSON.parse(JSON.stringify(files)));
  });

  it('writes one decoded subscription payload per line, exactly the generated ones', () => {
    const lines = linesOf(PAYLOADS_FILE);
    expect(lines).toHaveLength(sample.payloads.length);
    lines.forEach((line, i) => {
      const decoded = validatePayload(JSON.parse(line));
      expect(decoded).toEqual({ ok: true, payload: sample.payloads[i] });
    });
  });

  it('writes each log group in time order, one log event per line (multi-line messages excepted)', () => {
    for (const file of files.filter((f) => f.logGroup !== undefined)) {
      const events = sample.payloads.filter((p) => p.logGroup === file.logGroup).flatMap((p) => p.logEvents);
      expect(file.logEvents).toBe(events.length);
      const text = read(file.path);
      const expected = [...events].sort((a, b) => a.timestamp - b.timestamp).map((e) => (e.message.endsWith('\n') ? e.message : `${e.message}\n`));
      expect(text).toBe(expected.join(''));
    }
  });

  it('re-feeds through `logwarden normalize --format cwl` to every log event', async () => {
    const payloads = files.find((f) => f.format === 'cwl') as SampleFile;
    const { code, events } = await normalizeFile(payloads);
    expect(code).toBe(0);
    expect(events).toHaveLength(sample.summary.logEvents);
    expect(events.filter((e) => (e['logwarden'] as { parse_error?: string }).parse_error !== undefined)).toEqual([]);
  });

  it('re-feeds the CloudTrail file with --format ndjson and a function file with --format lines', async () => {
    const trail = files.find((f) => f.format === 'ndjson') as SampleFile;
    const trailEvents = await normalizeFile(trail);
    expect(trailEvents.code).toBe(0);
    expect(trailEvents.events).toHaveLength(trail.logEvents);
    for (const e of trailEvents.events) expect(e).toMatchObject({ logwarden: { source: 'cloudtrail', parser: 'cloudtrail' } });
    const orders = files.find((f) => f.logGroup === '/aws/lambda/orders-api') as SampleFile;
    const ordersEvents = await normalizeFile(orders);
    expect(ordersEvents.code).toBe(0);
    // orders-api writes no multi-line messages, so every line is one event, as in CloudWatch.
    expect(ordersEvents.events).toHaveLength(orders.logEvents);
    expect(ordersEvents.events.filter((e) => (e['event'] as { action?: string }).action === 'report').length).toBeGreaterThan(10);
  });
});

describe('samples: npm run samples:write', () => {
  it('writes the files into the given folder and lists them', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'logwarden-samples-main-'));
    const out: string[] = [];
    try {
      expect(await writeSamplesMain([target, '--seed', '3', '--scale', '0.2'], (line) => out.push(line))).toBe(0);
      expect(JSON.parse(readFileSync(path.join(target, SUMMARY_FILE), 'utf8'))).toMatchObject({ seed: 3, scale: 0.2 });
      expect(out[0]).toMatch(/log events in .* seed 3,/);
      expect(out.slice(1).join('\n')).toContain(`${target}/${PAYLOADS_FILE}`);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  it('refuses arguments it does not understand', async () => {
    const out: string[] = [];
    expect(await writeSamplesMain(['--scale', 'lots'], (line) => out.push(line))).toBe(2);
    expect(await writeSamplesMain(['--seed', '1.5'], (line) => out.push(line))).toBe(2);
    expect(await writeSamplesMain(['--verbose'], (line) => out.push(line))).toBe(2);
    expect(out.join('\n')).toContain('usage: npm run samples:write');
  });
});
