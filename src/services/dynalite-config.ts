import { z } from 'zod';
import { DEFAULT_RESPONSES_TABLE } from '../respond/actions/table-schema';
import { parseVariable, portSchema } from './env-variable';

/** Beside kinesis-local (4577, TLS 4578); dynalite's own default is 4567, kinesis-mock's TLS port. */
export const DEFAULT_DYNALITE_PORT = 4579;

export const DYNALITE_ENV = {
  port: 'LOGWARDEN_DYNAMODB_PORT',
  endpoint: 'DYNAMODB_ENDPOINT',
  table: 'LOGWARDEN_RESPONSES_TABLE',
  startTimeoutMs: 'LOGWARDEN_DYNAMODB_START_TIMEOUT_MS',
} as const;

export interface DynaliteConfig {
  readonly host: string;
  readonly port: number;
  /** When set, use this DynamoDB endpoint and start nothing. */
  readonly externalEndpoint?: string;
  /** The respond stage's table (actions and rate-limit windows). */
  readonly table: string;
  readonly startTimeoutMs: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const tableNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -');

export function readDynaliteConfig(env: Readonly<Record<string, string | undefined>>): DynaliteConfig {
  const endpoint = parseVariable(env, DYNALITE_ENV.endpoint, z.url({ protocol: /^https?$/ }).optional(), undefined);
  return {
    host: '127.0.0.1',
    port: parseVariable(env, DYNALITE_ENV.port, portSchema, DEFAULT_DYNALITE_PORT),
    ...(endpoint === undefined ? {} : { externalEndpoint: endpoint }),
    table: parseVariable(env, DYNALITE_ENV.table, tableNameSchema, DEFAULT_RESPONSES_TABLE),
    startTimeoutMs: parseVariable(env, DYNALITE_ENV.startTimeoutMs, z.coerce.number().int().positive(), 30_000),
    env,
  };
}
