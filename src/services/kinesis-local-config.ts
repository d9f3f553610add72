import { z } from 'zod';
import type { StreamSpec } from '../kinesis/ensure-stream';
import { resolveStreamNames } from '../kinesis/stream-names';
import { parseVariable, portSchema } from './env-variable';

/**
 * kinesis-mock's own defaults are 4567 (TLS) and 4568 (plain HTTP), and LocalStack uses 4566;
 * ours sit beside them so a developer's own kinesis-mock or LocalStack never collides.
 */
export const DEFAULT_KINESIS_LOCAL_PORT = 4577;

export const KINESIS_LOCAL_ENV = {
  port: 'LOGWARDEN_KINESIS_PORT',
  tlsPort: 'LOGWARDEN_KINESIS_TLS_PORT',
  startTimeoutMs: 'LOGWARDEN_KINESIS_START_TIMEOUT_MS',
  endpoint: 'KINESIS_ENDPOINT',
} as const;

// Local shard counts: two raw shards exercise multi-shard ordering; AWS sizes come from the template.
const SHARD_COUNTS = { raw: 2, normalized: 1 } as const;

export interface KinesisLocalConfig {
  readonly host: string;
  /** Plain HTTP port clients use. */
  readonly port: number;
  /** kinesis-mock always opens a TLS port too; nothing here uses it. */
  readonly tlsPort: number;
  /** When set, use this endpoint and start nothing. */
  readonly externalEndpoint?: string;
  readonly streams: { readonly raw: StreamSpec; readonly normalized: StreamSpec };
  readonly startTimeoutMs: number;
  /** kinesis-local ignores SIGTERM for a while (about 2 s observed), then SIGKILL. */
  readonly stopGraceMs: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Reads the kinesis-local settings from an environment; a bad value is an error naming the variable. */
export function readKinesisLocalConfig(env: Readonly<Record<string, string | undefined>>): KinesisLocalConfig {
  const port = parseVariable(env, KINESIS_LOCAL_ENV.port, portSchema, DEFAULT_KINESIS_LOCAL_PORT);
  const tlsPort = parseVariable(env, KINESIS_LOCAL_ENV.tlsPort, portSchema, port + 1);
  if (tlsPort === port) throw new RangeError(`${KINESIS_LOCAL_ENV.tlsPort} must differ from ${KINESIS_LOCAL_ENV.port} (both ${port})`);
  const endpoint = parseVariable(env, KINESIS_LOCAL_ENV.endpoint, z.url({ protocol: /^https?$/ }).optional(), undefined);
  const names = resolveStreamNames(env);
  return {
    host: '127.0.0.1',
    port,
    tlsPort,
    ...(endpoint !== undefined && { externalEndpoint: endpoint }),
    streams: {
      raw: { streamName: names.raw, shardCount: SHARD_COUNTS.raw },
      normalized: { streamName: names.normalized, shardCount: SHARD_COUNTS.normalized },
    },
    startTimeoutMs: parseVariable(env, KINESIS_LOCAL_ENV.startTimeoutMs, z.coerce.number().int().positive(), 60_000),
    stopGraceMs: 5_000,
    env,
  };
}
