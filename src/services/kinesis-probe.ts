import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../kinesis/client';

export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** One quick ListStreams call: success means a Kinesis API (kinesis-local or AWS) answers there. */
export async function probeKinesis(endpoint: string, env: Readonly<Record<string, string | undefined>>): Promise<ProbeResult> {
  const client = createKinesisClient({ endpoint, env, maxAttempts: 1, connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000 });
  try {
    await client.send(new ListStreamsCommand({ Limit: 1 }));
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : String(error) };
  } finally {
    client.destroy();
  }
}
