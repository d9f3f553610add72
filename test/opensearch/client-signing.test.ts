import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Client } from '@opensearch-project/opensearch';
import { bulkWrite } from '../../src/opensearch/bulk-write';
import { bulkIds, bulkReply, startHttpDouble } from './http-double';
import type { HttpDouble, RecordedRequest } from './http-double';
import { testClient } from './opensearch-test-client';

const CREDENTIALS = { accessKeyId: 'AKIDLOGWARDENTEST01', secretAccessKey: 'logwarden/test/secret/key/0000000000000', sessionToken: 'logwarden-session-token' };
const REGION = 'eu-west-1';

let double: HttpDouble;
let client: Client | undefined;

beforeEach(async () => {
  double = await startHttpDouble((request) => (request.url.startsWith('/_bulk') ? bulkReply(bulkIds(request), () => ({ status: 201 })) : { status: 200, body: { ok: true } }));
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await double.close();
});

function header(request: RecordedRequest, name: string): string {
  const value = request.headers[name];
  if (typeof value !== 'string') throw new Error(`no ${name} header`);
  return value;
}

/** Signs the captured request again with the AWS SDK's signer and returns its authorization header. */
async function resign(request: RecordedRequest, service: string): Promise<string> {
  const authorization = header(request, 'authorization');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const amzDate = header(request, 'x-amz-date');
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const url = new URL(request.url, 'http://placeholder');
  const signer = new SignatureV4({ credentials: CREDENTIALS, region: REGION, service, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: header(request, 'host'),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(signedHeaders.map((name) => [name, header(request, name)])),
      body: request.body,
    },
    { signingDate },
  );
  return String(signed.headers['authorization']);
}

describe.each(['es', 'aoss'] as const)('opensearch client: SigV4 for service %s (B6, checklist 31)', (service) => {
  it('signs the bulk body it actually sends, with a signature the AWS SDK signer reproduces', async () => {
    client = testClient(double.url, { kind: 'sigv4', region: REGION, service }, { getCredentials: async () => CREDENTIALS });

    const report = await bulkWrite(client, [{ action: 'create', index: 'logwarden-events-2026.01.02', id: 'e1', document: { message: 'héllo', n: 1 } }]);

    expect(report.written).toBe(1);
    const [request] = double.requests;
    if (request === undefined) throw new Error('no request captured');
    const authorization = header(request, 'authorization');
    const day = header(request, 'x-amz-date').slice(0, 8);
    expect(authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/${day}/${REGION}/${service}/aws4_request`)).toBe(true);
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';');
    expect(signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token']));
    expect(header(request, 'x-amz-security-token')).toBe(CREDENTIALS.sessionToken);
    expect(header(request, 'x-amz-content-sha256')).toBe(createHash('sha256').update(request.body).digest('hex'));
    // Checklist 32: a signed body is never compressed.
    expect(request.headers['content-encoding']).toBeUndefined();
    expect(client.transport.compression).toBe(false);
    expect(await resign(request, service)).toBe(authorization);
    // The comparison is meaningful: the same request signed for the other service differs.
    expect(await resign(request, service === 'es' ? 'aoss' : 'es')).not.toBe(authorization);
  });
});

describe('opensearch client: credentials', () => {
  it('fetches credentials again once they are about to expire (checklist 33)', async () => {
    let calls = 0;
    const getCredentials = async (): Promise<typeof CREDENTIALS & { expiration: Date }> => {
      calls++;
      return { ...CREDENTIALS, expiration: new Date(Date.now() + 1_000) };
    };
    client = testClient(double.url, { kind: 'sigv4', region: REGION, service: 'es' }, { getCredentials });

    await client.info();
    await client.info();

    expect(calls).toBe(2);
  });

  it('reuses credentials that stay valid', async () => {
    let calls = 0;
    client = testClient(double.url, { kind: 'sigv4', region: REGION, service: 'es' }, { getCredentials: async () => (calls++, { ...CREDENTIALS, expiration: new Date(Date.now() + 3_600_000) }) });

    await client.info();
    await client.info();

    expect(calls).toBe(1);
  });

  it('sends basic auth when configured, and nothing when auth is none', async () => {
    client = testClient(double.url, { kind: 'basic', username: 'analyst', password: 's3cret' });
    await client.info();
    const unauthenticated = testClient(double.url);
    await unauthenticated.info();
    await unauthenticated.close();

    expect(double.requests.map((r) => r.headers['authorization'])).toEqual([`Basic ${Buffer.from('analyst:s3cret').toString('base64')}`, undefined]);
  });
});
