import type { ParseOutcome } from '../../parser';
import { type FieldTree, putField } from '../../field-tree';
import { failedOutcome, PARSER_NAMES, parsedOutcome } from './outcomes';
import { type PlatformLabel, scanLabelledFields } from './platform-labels';
import { PlatformValueReader } from './platform-values';
import { reportFields } from './report-fields';

const REPORT_LABELS: ReadonlySet<PlatformLabel> = new Set([
  'RequestId', 'Duration', 'Billed Duration', 'Memory Size', 'Max Memory Used', 'Init Duration', 'Restore Duration',
  'Billed Restore Duration', 'XRAY TraceId', 'SegmentId', 'Sampled', 'Status', 'Error Type',
]);

/** `REPORT RequestId: …\tDuration: … ms\t…` with its optional init, SnapStart, XRAY and status fields (A3). */
export function parseReportLine(body: string): ParseOutcome {
  const partial: FieldTree = {};
  putField(partial, 'event.kind', 'metric');
  putField(partial, 'event.action', 'report');
  const scanned = scanLabelledFields(body, REPORT_LABELS, 'REPORT');
  if (typeof scanned === 'string') return failedOutcome(PARSER_NAMES.platform, scanned, partial);
  const read = new PlatformValueReader(scanned, 'REPORT');
  const requestId = read.requiredToken('RequestId');
  putField(partial, 'faas.execution', requestId === '' ? undefined : requestId);
  const metrics = {
    requestId,
    durationMs: read.requiredMilliseconds('Duration'),
    billedDurationMs: read.requiredMilliseconds('Billed Duration'),
    memorySizeMb: read.requiredMegabytes('Memory Size'),
    maxMemoryUsedMb: read.requiredMegabytes('Max Memory Used'),
    initDurationMs: read.milliseconds('Init Duration'),
    restoreDurationMs: read.milliseconds('Restore Duration'),
    billedRestoreDurationMs: read.milliseconds('Billed Restore Duration'),
    status: read.token('Status'),
    errorType: read.token('Error Type'),
    trace: scanned.has('XRAY TraceId') || scanned.has('SegmentId') || scanned.has('Sampled')
      ? { traceId: read.token('XRAY TraceId'), spanId: read.token('SegmentId'), sampled: read.boolean('Sampled') }
      : undefined,
  };
  if (read.problem !== undefined) return failedOutcome(PARSER_NAMES.platform, read.problem, partial);
  return parsedOutcome(PARSER_NAMES.platform, reportFields(metrics));
}
