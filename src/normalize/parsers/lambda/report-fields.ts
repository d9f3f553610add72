import { type FieldTree, putField } from '../../field-tree';
import { isOutOfMemoryErrorType } from './lambda-errors';

/** X-Ray ids of an invocation: REPORT's XRAY fields (A3) or a JSON record's `tracing` (A6). */
export interface XrayTrace {
  readonly traceId: string | undefined;
  readonly spanId: string | undefined;
  readonly sampled: boolean | undefined;
}

/** The REPORT metrics, from the text line (A3) or a `platform.report` record (A6). */
export interface ReportMetrics {
  readonly requestId: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number;
  readonly initDurationMs: number | undefined;
  readonly restoreDurationMs: number | undefined;
  readonly billedRestoreDurationMs: number | undefined;
  readonly status: string | undefined;
  readonly errorType: string | undefined;
  readonly trace: XrayTrace | undefined;
}

const FAILED_STATUSES: ReadonlySet<string> = new Set(['timeout', 'error', 'failure']);

/** ECS `event.duration` is in nanoseconds; Lambda reports milliseconds. */
export function millisecondsToNanoseconds(ms: number): number {
  return Math.round(ms * 1e6);
}

/** Whether a platform status (`success`, `timeout`, `error`, `failure`; A6) is a failure. */
export function isFailedStatus(status: string | undefined): boolean {
  return status !== undefined && FAILED_STATUSES.has(status);
}

/** Status and error type of a REPORT / INIT_REPORT / restore report, in text or JSON (A7). */
export function putStatus(fields: FieldTree, status: string | undefined, errorType: string | undefined): void {
  putField(fields, 'aws.lambda.status', status);
  putField(fields, 'aws.lambda.error_type', errorType);
  putField(fields, 'error.type', errorType);
  if (status === 'success') putField(fields, 'event.outcome', 'success');
  if (isFailedStatus(status)) {
    putField(fields, 'event.outcome', 'failure');
    putField(fields, 'log.level', 'ERROR');
  }
  if (isOutOfMemoryErrorType(errorType)) putField(fields, 'aws.lambda.memory_exhausted', true);
}

export function putTrace(fields: FieldTree, trace: XrayTrace | undefined): void {
  if (trace === undefined) return;
  putField(fields, 'trace.id', trace.traceId);
  putField(fields, 'span.id', trace.spanId);
  putField(fields, 'aws.lambda.xray_sampled', trace.sampled);
}

export function reportFields(m: ReportMetrics): FieldTree {
  const fields: FieldTree = {};
  putField(fields, 'event.kind', 'metric');
  putField(fields, 'event.action', 'report');
  putField(fields, 'event.duration', millisecondsToNanoseconds(m.durationMs));
  putField(fields, 'faas.execution', m.requestId);
  // Init Duration appears on the first invocation of an environment; SnapStart reports a restore instead.
  putField(fields, 'faas.coldstart', m.initDurationMs !== undefined || m.restoreDurationMs !== undefined);
  putField(fields, 'aws.lambda.duration_ms', m.durationMs);
  putField(fields, 'aws.lambda.billed_duration_ms', m.billedDurationMs);
  putField(fields, 'aws.lambda.memory_size_mb', m.memorySizeMb);
  putField(fields, 'aws.lambda.max_memory_used_mb', m.maxMemoryUsedMb);
  putField(fields, 'aws.lambda.init_duration_ms', m.initDurationMs);
  putField(fields, 'aws.lambda.restore_duration_ms', m.restoreDurationMs);
  putField(fields, 'aws.lambda.billed_restore_duration_ms', m.billedRestoreDurationMs);
  putStatus(fields, m.status, m.errorType);
  // A7: an environment that used all its memory was most likely killed for it.
  if (m.maxMemoryUsedMb >= m.memorySizeMb) putField(fields, 'aws.lambda.memory_exhausted', true);
  putTrace(fields, m.trace);
  return fields;
}
