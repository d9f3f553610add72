import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDev } from '../../src/local-pipeline/run-dev';

function devIo(): { io: Parameters<typeof runDev>[1]; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l), interrupted: new Promise(() => undefined) }, out, err };
}

const options = (projectRoot: string) => ({ once: true, samples: false, projectRoot, sample: () => [], sampleDescription: 'nothing' });

describe('local pipeline: clear refusals instead of stack traces', () => {
  const saved = { ...process.env };
  let server: Server | undefined;

  afterEach(async () => {
    process.env = { ...saved };
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    server = undefined;
  });

  it('refuses to start a second time in the same checkout', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'logwarden-dev-'));
    mkdirSync(path.join(root, '.local'));
    writeFileSync(path.join(root, '.local', 'pipeline.pid'), `${process.ppid}\n`);
    const { io, err, out } = devIo();
    expect(await runDev(options(root), io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^logwarden: the local pipeline is already running \(pid \d+, lock .*pipeline\.pid\): stop it with Ctrl-C/)]);
    expect(out).toEqual([]);
  });

  it('says which port is taken and how to choose another', async () => {
    server = createServer((socket) => socket.destroy()); // something else answers there
    const port = await new Promise<number>((resolve) => server?.listen(0, '127.0.0.1', () => resolve((server?.address() as { port: number }).port)));
    delete process.env['KINESIS_ENDPOINT'];
    process.env['LOGWARDEN_KINESIS_PORT'] = String(port);
    process.env['LOGWARDEN_KINESIS_TLS_PORT'] = String(port === 65535 ? port - 1 : port + 1);
    const root = mkdtempSync(path.join(tmpdir(), 'logwarden-dev-'));
    const { io, err } = devIo();
    expect(await runDev(options(root), io)).toBe(1);
    const message = err.find((l) => l.startsWith('logwarden: '));
    expect(message).toMatch(new RegExp(`^logwarden: kinesis-local: port ${port} is taken by something that is not kinesis-local .*; stop it or set LOGWARDEN_KINESIS_PORT to a free port$`));
    expect(err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
  });
});
