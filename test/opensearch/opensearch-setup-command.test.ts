import { Readable } from 'node:stream';
import { opensearchSetup } from '../../src/cli/commands/opensearch-setup';
import type { CliIo } from '../../src/cli/io';
import { startHttpDouble } from './http-double';
import type { HttpDouble, Reply } from './http-double';

interface Captured {
  readonly io: CliIo;
  readonly out: () => string;
  readonly err: () => string;
}

function captureIo(): Captured {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdin: Readable.from(['']), stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } },
    out: () => stdout,
    err: () => stderr,
  };
}

let double: HttpDouble | undefined;

afterEach(async () => {
  await double?.close();
  double = undefined;
});

/** A node with nothing installed: template GETs and index HEADs answer 404, PUTs succeed. */
function emptyNode(method: string): Reply {
  if (method === 'GET' || method === 'HEAD') return { status: 404, body: {} };
  return { status: 200, body: { acknowledged: true } };
}

describe('logwarden opensearch setup', () => {
  it('installs templates then indices and says what it did', async () => {
    double = await startHttpDouble((request) => emptyNode(request.method));
    const { io, out } = captureIo();

    const code = await opensearchSetup(io, { OPENSEARCH_URL: double.url, LOGWARDEN_INDEX_PREFIX: 'lw' });

    expect(code).toBe(0);
    expect(out()).toContain('component template lw-event-fields: created');
    expect(out()).toContain('index template lw-alerts: created');
    expect(out()).toContain('index lw-alert-matches: created');
    expect(double.requests.filter((r) => r.method === 'PUT').map((r) => r.url)).toEqual([
      '/_component_template/lw-event-fields',
      '/_component_template/lw-alert-fields',
      '/_component_template/lw-alert-match-fields',
      '/_component_template/lw-response-fields',
      '/_index_template/lw-events',
      '/_index_template/lw-alerts',
      '/_index_template/lw-alert-matches',
      '/_index_template/lw-responses',
      '/lw-alerts',
      '/lw-alert-matches',
      '/lw-responses',
    ]);
  });

  it('prints one JSON object with --json', async () => {
    double = await startHttpDouble((request) => emptyNode(request.method));
    const { io, out } = captureIo();

    await opensearchSetup(io, { OPENSEARCH_URL: double.url }, { json: true });

    const report = JSON.parse(out()) as { templates: unknown[]; indices: unknown[] };
    expect(report.templates).toHaveLength(8);
    expect(report.indices).toEqual([{ name: 'logwarden-alerts', outcome: 'created' }, { name: 'logwarden-alert-matches', outcome: 'created' }, { name: 'logwarden-responses', outcome: 'created' }]);
  });

  it('exits 2 with the setting named when the configuration is invalid', async () => {
    const { io, err } = captureIo();
    expect(await opensearchSetup(io, {})).toBe(2);
    expect(err()).toMatch(/OPENSEARCH_URL/);
  });

  it('exits 1 with the server error when the node refuses', async () => {
    double = await startHttpDouble(() => ({ status: 403, body: { error: { type: 'security_exception', reason: 'no permissions for [indices:admin/template/get]' }, status: 403 } }));
    const { io, err } = captureIo();

    expect(await opensearchSetup(io, { OPENSEARCH_URL: double.url })).toBe(1);
    expect(err()).toContain('403 security_exception: no permissions');
  });

  it('warns when TLS verification is turned off', async () => {
    double = await startHttpDouble((request) => emptyNode(request.method));
    const { io, err } = captureIo();
    await opensearchSetup(io, { OPENSEARCH_URL: double.url, OPENSEARCH_TLS_VERIFY: 'false' });
    expect(err()).toMatch(/warning: TLS certificate verification is disabled/);
  });
});
