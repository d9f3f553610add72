import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { alertsList, alertsShow } from '../../src/cli/commands/alerts';
import type { CliIo } from '../../src/cli/io';

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function captured(): { io: CliIo; stderr: () => string; stdout: () => string } {
  let out = '';
  let err = '';
  return { io: { stdin: Readable.from([]), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } }, stdout: () => out, stderr: () => err };
}

describe('cli: alerts when OpenSearch is not running', () => {
  it('says where it looked and how to start it, without a stack trace', async () => {
    const port = await closedPort();
    const env = { OPENSEARCH_URL: `http://127.0.0.1:${port}` };
    for (const command of [(io: CliIo) => alertsList({ limit: '10', json: true }, io, env), (io: CliIo) => alertsShow('some-id', io, env)]) {
      const { io, stderr, stdout } = captured();
      expect(await command(io)).toBe(1);
      expect(stderr()).toBe(`OpenSearch is not reachable at 127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}); start the local services with \`npm run services:up\` (or \`npm start\`), or set OPENSEARCH_URL\n`);
      expect(stdout()).toBe('');
    }
  });
});
