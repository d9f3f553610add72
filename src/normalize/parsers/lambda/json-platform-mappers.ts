import { type FieldTree, putField } from '../../field-tree';
import type { JsonValueReader } from './json-values';
import { phaseReportFields, phaseStartFields } from './phase-fields';
import { isFailedStatus, millisecondsToNanoseconds, putStatus, putTrace, reportFields, type XrayTrace } from './report-fields';

/** Maps the `record` of one `platform.*` type (telemetry schema reference, A6) to ECS fields. */
export type PlatformRecordMapper = (read: JsonValueReader) => FieldTree;

export const mapReport: PlatformRecordMapper = (read) => {
  read.object('record');
  read.object('record.metrics');
  return reportFields({
    requestId: read.requiredString('record.requestId'),
    durationMs: read.requiredNumber('record.metrics.durationMs'),
    billedDurationMs: read.requiredNumber('record.metrics.billedDurationMs'),
    memorySizeMb: read.requiredNumber('record.metrics.memorySizeMB'),
    maxMemoryUsedMb: read.requiredNumber('record.metrics.maxMemoryUsedMB'),
    initDurationMs: read.number('record.metrics.initDurationMs'),
    restoreDurationMs: read.number('record.metrics.restoreDurationMs'),
    billedRestoreDurationMs: read.number('record.metrics.billedRestoreDurationMs'),
    status: read.requiredString('record.status'),
    errorType: read.string('record.errorType'),
    trace: readTracing(read),
  });
};

export const mapStart: PlatformRecordMapper = (read) => {
  const fields = withAction('start');
  putField(fields, 'faas.execution', read.requiredString('record.requestId'));
  putField(fields, 'aws.lambda.version', read.string('record.version'));
  putTrace(fields, readTracing(read));
  return fields;
};

export const mapRuntimeDone: PlatformRecordMapper = (read) => {
  const fields = withAction('runtime-done');
  putField(fields, 'faas.execution', read.requiredString('record.requestId'));
  putStatus(fields, read.requiredString('record.status'), read.string('record.errorType'));
  // The runtime's own time, not the billed invocation: kept apart from REPORT's duration_ms.
  const durationMs = read.number('record.metrics.durationMs');
  putField(fields, 'aws.lambda.runtime_duration_ms', durationMs);
  if (durationMs !== undefined) putField(fields, 'event.duration', millisecondsToNanoseconds(durationMs));
  putField(fields, 'aws.lambda.produced_bytes', read.number('record.metrics.producedBytes'));
  putTrace(fields, readTracing(read));
  return fields;
};

export function mapPhaseStart(action: 'init-start' | 'restore-start'): PlatformRecordMapper {
  return (read) => {
    const fields = phaseStartFields({ action, runtimeVersion: read.string('record.runtimeVersion'), runtimeVersionArn: read.string('record.runtimeVersionArn') });
    putInitContext(fields, read);
    putField(fields, 'aws.lambda.version', read.string('record.functionVersion'));
    return fields;
  };
}

export function mapPhaseRuntimeDone(action: 'init-runtime-done' | 'restore-runtime-done'): PlatformRecordMapper {
  return (read) => {
    const fields = withAction(action);
    const status = read.string('record.status');
    putStatus(fields, status, read.string('record.errorType'));
    if (action === 'init-runtime-done' && isFailedStatus(status)) putField(fields, 'aws.lambda.init_error', true);
    putInitContext(fields, read);
    return fields;
  };
}

export function mapPhaseReport(action: 'init-report' | 'restore-report'): PlatformRecordMapper {
  return (read) => {
    const fields = phaseReportFields({
      action,
      durationMs: read.number('record.metrics.durationMs'),
      phase: read.string('record.phase'),
      status: read.string('record.status'),
      errorType: read.string('record.errorType'),
    });
    putInitContext(fields, read);
    return fields;
  };
}

function putInitContext(fields: FieldTree, read: JsonValueReader): void {
  putField(fields, 'aws.lambda.initialization_type', read.string('record.initializationType'));
  putField(fields, 'aws.lambda.phase', read.string('record.phase'));
}

export function withAction(action: string): FieldTree {
  const fields: FieldTree = {};
  putField(fields, 'event.action', action);
  return fields;
}

/** `tracing: {spanId, type: "X-Amzn-Trace-Id", value: "Root=1-…;Parent=…;Sampled=1"}`. */
function readTracing(read: JsonValueReader): XrayTrace | undefined {
  if (read.object('record.tracing') === undefined) return undefined;
  const header = read.string('record.tracing.value') ?? '';
  let traceId: string | undefined;
  let sampled: boolean | undefined;
  for (const part of header.split(';')) {
    if (part.startsWith('Root=')) traceId = part.slice(5);
    else if (part === 'Sampled=1' || part === 'Sampled=0') sampled = part === 'Sampled=1';
  }
  return { traceId, spanId: read.string('record.tracing.spanId'), sampled };
}
