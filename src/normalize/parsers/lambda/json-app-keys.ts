import type { JsonObject } from './json-values';

/**
 * The keys an application record can use for each mapped field, best first: Lambda's JSON format
 * (A6: timestamp, level, requestId, message, errorType, errorMessage, stackTrace, logger,
 * tenantId; Java's AWSRequestId), the Powertools logger (function_request_id, xray_trace_id,
 * service, cold_start, error; Python's exception, exception_name) and common JSON loggers (pino,
 * bunyan, winston, structlog: msg, time, err, severity, lvl…).
 */
const APP_KEY_ROLES = {
  level: ['level', 'log_level', 'levelname', 'severity', 'lvl', 'loglevel'],
  message: ['message', 'msg'],
  time: ['timestamp', 'time', '@timestamp', 'ts'],
  requestId: ['requestId', 'function_request_id', 'AWSRequestId', 'aws_request_id', 'awsRequestId'],
  traceId: ['xray_trace_id', 'traceId', 'trace_id'],
  service: ['service'],
  logger: ['logger', 'logger_name'],
  tenantId: ['tenantId', 'tenant_id'],
  coldStart: ['cold_start'],
  errorType: ['errorType', 'exception_name'],
  errorMessage: ['errorMessage'],
  stackTrace: ['stackTrace', 'exception'],
  error: ['error', 'err'],
} as const;

export type AppKeyRole = keyof typeof APP_KEY_ROLES;

export interface AppKeySlot {
  readonly key: string;
  readonly value: unknown;
  readonly rank: number;
}

const ROLE_OF_KEY: ReadonlyMap<string, { readonly role: AppKeyRole; readonly rank: number }> = new Map(
  (Object.entries(APP_KEY_ROLES) as [AppKeyRole, readonly string[]][]).flatMap(([role, keys]) =>
    keys.map((key, rank) => [key, { role, rank }] as const),
  ),
);

/** The record's keys sorted into the mapped roles (best key wins) and the rest, in one pass. */
export interface SortedAppKeys {
  readonly slots: Partial<Record<AppKeyRole, AppKeySlot>>;
  /** Everything not mapped; becomes the event's `json`. Mappers put back values they cannot use. */
  readonly rest: JsonObject;
}

/**
 * A key the record holds twice is the mark of an injected field (D3.1): it is not mapped and
 * stays under `json` (with the value JSON.parse kept), while `duplicateKeys` reports it.
 */
export function sortAppKeys(record: JsonObject, duplicateKeys: readonly string[]): SortedAppKeys {
  const duplicated = duplicateKeys.length === 0 ? undefined : new Set(duplicateKeys);
  const slots: Partial<Record<AppKeyRole, AppKeySlot>> = {};
  // Keys are safe to assign: parseJsonSafely has renamed __proto__ and friends.
  const rest: JsonObject = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    const known = ROLE_OF_KEY.get(key);
    if (known === undefined || duplicated?.has(key) === true) {
      rest[key] = value;
      continue;
    }
    const current = slots[known.role];
    if (current !== undefined && current.rank < known.rank) {
      rest[key] = value;
      continue;
    }
    if (current !== undefined) rest[current.key] = current.value;
    slots[known.role] = { key, value, rank: known.rank };
  }
  return { slots, rest };
}

/** Puts a value the mapper could not use back among the kept fields. */
export function keepUnmapped(rest: JsonObject, slot: AppKeySlot | undefined): void {
  if (slot !== undefined) rest[slot.key] = slot.value;
}
