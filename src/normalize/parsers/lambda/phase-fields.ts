import { type FieldTree, putField } from '../../field-tree';
import { isFailedStatus, millisecondsToNanoseconds, putStatus } from './report-fields';

/** INIT_START / RESTORE_START (A3) and `platform.initStart` / `platform.restoreStart` (A6). */
export interface PhaseStart {
  readonly action: 'init-start' | 'restore-start';
  readonly runtimeVersion: string | undefined;
  readonly runtimeVersionArn: string | undefined;
}

/** INIT_REPORT / RESTORE_REPORT (A3) and `platform.initReport` / `platform.restoreReport` (A6). */
export interface PhaseReport {
  readonly action: 'init-report' | 'restore-report';
  readonly durationMs: number | undefined;
  readonly phase: string | undefined;
  readonly status: string | undefined;
  readonly errorType: string | undefined;
}

// A7: a new execution environment starting (or a SnapStart snapshot being restored) is a cold start.
export function phaseStartFields(start: PhaseStart): FieldTree {
  const fields: FieldTree = {};
  putField(fields, 'event.action', start.action);
  putField(fields, 'faas.coldstart', true);
  putField(fields, 'aws.lambda.runtime_version', start.runtimeVersion);
  putField(fields, 'aws.lambda.runtime_version_arn', start.runtimeVersionArn);
  return fields;
}

export function phaseReportFields(report: PhaseReport): FieldTree {
  const fields: FieldTree = {};
  const isInit = report.action === 'init-report';
  putField(fields, 'event.kind', 'metric');
  putField(fields, 'event.action', report.action);
  if (report.durationMs !== undefined) {
    putField(fields, 'event.duration', millisecondsToNanoseconds(report.durationMs));
    putField(fields, isInit ? 'aws.lambda.init_duration_ms' : 'aws.lambda.restore_duration_ms', report.durationMs);
  }
  putField(fields, 'faas.coldstart', true);
  putField(fields, 'aws.lambda.phase', report.phase);
  putStatus(fields, report.status, report.errorType);
  // A7: INIT_REPORT with Status error/timeout is the platform's own init-failure signal.
  if (isInit && isFailedStatus(report.status)) putField(fields, 'aws.lambda.init_error', true);
  return fields;
}
