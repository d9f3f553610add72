import { hash } from 'node:crypto';
import { compileFieldAccessor } from '../sigma/events/field-path';
import type { FieldAccessor } from '../sigma/events/field-path';
import type { LogwardenAttributes } from '../schemas/logwarden-attributes';
import { DURATION_PATTERN } from '../schemas/logwarden-attributes';

/** Where an event comes from, most specific first: who acted, from where, in which function or group. */
export const SOURCE_IDENTITY_FIELDS = [
  'aws.cloudtrail.userIdentity.arn',
  'aws.cloudtrail.userIdentity.principalId',
  'user.name',
  'source.ip',
  'faas.name',
  'aws.cloudwatch.log_group',
] as const;

export const DEFAULT_BUCKET_SECONDS = 3600;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** How one rule's matches group into alerts. */
export interface DedupPlan {
  /** Fields whose values make up the key; undefined: the event's source identity. */
  readonly fields: readonly { readonly name: string; readonly read: FieldAccessor }[] | undefined;
  readonly bucketSeconds: number;
}

const IDENTITY = SOURCE_IDENTITY_FIELDS.map((name) => ({ name, read: compileFieldAccessor(name) }));

export function dedupPlanFor(attributes: LogwardenAttributes | undefined): DedupPlan {
  const dedup = attributes?.dedup;
  const fields = Array.isArray(dedup) ? dedup : dedup?.fields;
  const bucket = Array.isArray(dedup) ? undefined : dedup?.bucket;
  const match = bucket === undefined ? undefined : DURATION_PATTERN.exec(bucket);
  return {
    fields: fields?.map((name) => ({ name, read: compileFieldAccessor(name) })),
    bucketSeconds: match === null || match === undefined ? DEFAULT_BUCKET_SECONDS : Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number),
  };
}

export interface DedupKey {
  /** The values the alert groups by, field → value (missing fields are null). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly key: string;
}

/** The dedup key of an event: the configured fields, or its first present source identity. */
export function dedupKeyOf(event: unknown, plan: DedupPlan): DedupKey {
  const fields: Record<string, unknown> = {};
  if (plan.fields !== undefined) {
    for (const { name, read } of plan.fields) {
      const found = read(event);
      fields[name] = found.present ? (found.values.length === 1 ? found.values[0] : found.values) : null;
    }
  } else {
    for (const { name, read } of IDENTITY) {
      const found = read(event);
      if (found.present && found.values.length > 0 && found.values[0] !== null && found.values[0] !== '') {
        fields[name] = found.values.length === 1 ? found.values[0] : found.values;
        break;
      }
    }
  }
  return { fields, key: JSON.stringify(Object.entries(fields)) };
}

/** The start of the time bucket an event falls in (by the event's own time, so replays land in the same alert). */
export function bucketStart(timestamp: string, bucketSeconds: number): Date {
  const ms = Date.parse(timestamp);
  const size = bucketSeconds * 1000;
  return new Date(Math.floor((Number.isNaN(ms) ? 0 : ms) / size) * size);
}

/** The alert's deterministic id: the same rule, key and bucket always give the same document. */
export function alertId(ruleKey: string, key: string, bucket: Date): string {
  return hash('sha256', `${ruleKey}\u0000${key}\u0000${bucket.toISOString()}`, 'base64url').slice(0, 32);
}

/** One document per (alert, event): counting them is exact and idempotent. */
export function matchId(alert: string, eventId: string): string {
  return hash('sha256', `${alert}\u0000${eventId}`, 'base64url').slice(0, 32);
}
