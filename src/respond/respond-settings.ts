import { z } from 'zod';
import { tableNameSchema } from '../services/dynalite-config';
import { DEFAULT_RESPONSES_TABLE } from './actions/table-schema';
import { DEFAULT_RESPONSES_FILE } from './config/load-responses';

/**
 * The respond function's own settings, validated at cold start:
 * - `LOGWARDEN_RESPONSES_FILE`: the routing file (default detections/responses.yml, packaged with the function).
 * - `LOGWARDEN_RESPONSES_TABLE`: the DynamoDB table of actions and rate-limit windows.
 * - `DYNAMODB_ENDPOINT`: dynalite locally; unset in AWS.
 * - `LOGWARDEN_RESPOND_DRY_RUN`: `true` makes every action a dry-run, whatever the routing says.
 */
const envSchema = z.object({
  LOGWARDEN_RESPONSES_FILE: z.string().min(1).default(DEFAULT_RESPONSES_FILE),
  LOGWARDEN_RESPONSES_TABLE: tableNameSchema.default(DEFAULT_RESPONSES_TABLE),
  DYNAMODB_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  LOGWARDEN_RESPOND_DRY_RUN: z.enum(['true', 'false']).default('false'),
});

export interface RespondSettings {
  readonly responsesFile: string;
  readonly table: string;
  readonly dynamoDbEndpoint: string | undefined;
  readonly forceDryRun: boolean;
}

export function readRespondSettings(env: Readonly<Record<string, string | undefined>>): RespondSettings {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid respond settings: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return { responsesFile: e.LOGWARDEN_RESPONSES_FILE, table: e.LOGWARDEN_RESPONSES_TABLE, dynamoDbEndpoint: e.DYNAMODB_ENDPOINT, forceDryRun: e.LOGWARDEN_RESPOND_DRY_RUN === 'true' };
}
