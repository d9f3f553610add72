import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** What the double answers: a JSON body with a status, or a socket closed without an answer. */
export type Reply = { readonly status: number; readonly body: unknown } | { readonly closeSocket: true };

export interface HttpDouble {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server (port 0 on loopback) that records every request and answers with the
 * script's reply for it: a transport double for the real client, so requests go through the
 * client's serialization, signing and error handling exactly as in production.
 */
export async function startHttpDouble(script: (request: RecordedRequest, index: number) => Reply): Promise<HttpDouble> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      const reply = script(request, requests.length - 1);
      if ('closeSocket' in reply) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/** The `_id`s of a bulk body's action lines, in order. */
export function bulkIds(request: RecordedRequest): string[] {
  const lines = request.body.toString('utf8').split('\n').filter((line) => line !== '');
  return lines.filter((_, i) => i % 2 === 0).map((line) => {
    const action = Object.values(JSON.parse(line) as Record<string, { _id: string }>)[0];
    if (action === undefined) throw new Error(`not an action line: ${line}`);
    return action._id;
  });
}

/** A bulk response with one item per id: `outcome(id)` gives status and optional error. */
export function bulkReply(ids: readonly string[], outcome: (id: string) => { status: number; type?: string; reason?: string }, action = 'create'): Reply {
  const items = ids.map((id) => {
    const { status, type, reason } = outcome(id);
    return { [action]: { _index: 'test-index', _id: id, status, ...(type === undefined ? {} : { error: { type, reason: reason ?? type } }) } };
  });
  return { status: 200, body: { took: 1, errors: items.some((item) => (Object.values(item)[0]?.status ?? 0) >= 300), items } };
}
