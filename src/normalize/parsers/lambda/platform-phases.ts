import type { ParseOutcome } from '../../parser';
import { type FieldTree, putField } from '../../field-tree';
import { failedOutcome, PARSER_NAMES, parsedOutcome } from './outcomes';
import { phaseReportFields, phaseStartFields } from './phase-fields';
import { type PlatformLabel, scanLabelledFields } from './platform-labels';
import { PlatformValueReader } from './platform-values';

/*
 * INIT_START / INIT_REPORT (A3) and their SnapStart counterparts RESTORE_START / RESTORE_REPORT
 * (SnapStart monitoring page; the RESTORE_* layouts mirror the INIT_* ones and are not among the
 * stored samples).
 */
const STARTS = {
  INIT_START: { action: 'init-start' },
  RESTORE_START: { action: 'restore-start' },
} as const;

const REPORTS = {
  INIT_REPORT: { action: 'init-report', duration: 'Init Duration', labels: new Set<PlatformLabel>(['Init Duration', 'Phase', 'Status', 'Error Type']) },
  RESTORE_REPORT: { action: 'restore-report', duration: 'Restore Duration', labels: new Set<PlatformLabel>(['Restore Duration', 'Status', 'Error Type']) },
} as const;

const START_LABELS: ReadonlySet<PlatformLabel> = new Set(['Runtime Version', 'Runtime Version ARN']);

export function parsePhaseStart(line: keyof typeof STARTS, body: string): ParseOutcome {
  const { action } = STARTS[line];
  const partial = actionOnly(action);
  const scanned = scanLabelledFields(body, START_LABELS, line);
  if (typeof scanned === 'string') return failedOutcome(PARSER_NAMES.platform, scanned, partial);
  const read = new PlatformValueReader(scanned, line);
  const runtimeVersion = read.requiredToken('Runtime Version');
  const runtimeVersionArn = read.token('Runtime Version ARN');
  if (read.problem !== undefined) return failedOutcome(PARSER_NAMES.platform, read.problem, partial);
  return parsedOutcome(PARSER_NAMES.platform, phaseStartFields({ action, runtimeVersion, runtimeVersionArn }));
}

export function parsePhaseReport(line: keyof typeof REPORTS, body: string): ParseOutcome {
  const { action, duration, labels } = REPORTS[line];
  const partial = actionOnly(action);
  const scanned = scanLabelledFields(body, labels, line);
  if (typeof scanned === 'string') return failedOutcome(PARSER_NAMES.platform, scanned, partial);
  const read = new PlatformValueReader(scanned, line);
  const report = {
    action,
    durationMs: read.requiredMilliseconds(duration),
    phase: read.token('Phase'),
    status: read.token('Status'),
    errorType: read.token('Error Type'),
  };
  if (read.problem !== undefined) return failedOutcome(PARSER_NAMES.platform, read.problem, partial);
  return parsedOutcome(PARSER_NAMES.platform, phaseReportFields(report));
}

function actionOnly(action: string): FieldTree {
  const fields: FieldTree = {};
  putField(fields, 'event.action', action);
  return fields;
}
