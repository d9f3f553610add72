import type { ParseOutcome } from '../../parser';
import { putField } from '../../field-tree';
import {
  mapPhaseReport, mapPhaseRuntimeDone, mapPhaseStart, mapReport, mapRuntimeDone, mapStart, type PlatformRecordMapper, withAction,
} from './json-platform-mappers';
import { type JsonObject, JsonValueReader } from './json-values';
import { failedOutcome, PARSER_NAMES, parsedOutcome } from './outcomes';
import { toIsoTimestamp } from './timestamps';

const PLATFORM_TYPE = /^platform\.[A-Za-z]{1,64}$/;

const MAPPERS: ReadonlyMap<string, PlatformRecordMapper> = new Map([
  ['platform.report', mapReport],
  ['platform.start', mapStart],
  ['platform.runtimeDone', mapRuntimeDone],
  ['platform.initStart', mapPhaseStart('init-start')],
  ['platform.restoreStart', mapPhaseStart('restore-start')],
  ['platform.initRuntimeDone', mapPhaseRuntimeDone('init-runtime-done')],
  ['platform.restoreRuntimeDone', mapPhaseRuntimeDone('restore-runtime-done')],
  ['platform.initReport', mapPhaseReport('init-report')],
  ['platform.restoreReport', mapPhaseReport('restore-report')],
  ['platform.extension', mapExtension],
  ['platform.telemetrySubscription', mapTelemetrySubscription],
  ['platform.logsDropped', mapLogsDropped],
]);

/** A6: system records are `{"time", "type": "platform.*", "record": …}`; anything else is the app's. */
export function isPlatformRecord(value: JsonObject): boolean {
  return typeof value.type === 'string' && PLATFORM_TYPE.test(value.type) && Object.hasOwn(value, 'record');
}

export function platformRecordOutcome(value: JsonObject, duplicateKeys: readonly string[]): ParseOutcome {
  const type = value.type as string;
  // `platform.initRuntimeDone` → `init-runtime-done`, matching the text lines' `init-start`, `init-report`.
  const action = type.slice('platform.'.length).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const read = new JsonValueReader(value, type);
  const fields = (MAPPERS.get(type) ?? mapOtherType(action, value.record))(read);
  const time = read.requiredString('time');
  const created = toIsoTimestamp(time);
  if (created === undefined && time !== '') read.problem ??= `${type} time is not an ISO 8601 timestamp`;
  putField(fields, 'event.created', created);
  putField(fields, 'faas.execution', read.string('record.requestId'));
  if (read.problem !== undefined) return failedOutcome(PARSER_NAMES.json, read.problem, withAction(action));
  return parsedOutcome(PARSER_NAMES.json, fields, duplicateKeys);
}

function mapExtension(read: JsonValueReader) {
  const fields = withAction('extension');
  putField(fields, 'aws.lambda.extension.name', read.string('record.name'));
  putField(fields, 'aws.lambda.extension.state', read.string('record.state'));
  putField(fields, 'aws.lambda.extension.events', read.stringArray('record.events'));
  const errorType = read.string('record.errorType');
  putField(fields, 'aws.lambda.error_type', errorType);
  putField(fields, 'error.type', errorType);
  return fields;
}

function mapTelemetrySubscription(read: JsonValueReader) {
  const fields = withAction('telemetry-subscription');
  putField(fields, 'aws.lambda.telemetry_subscription.name', read.string('record.name'));
  putField(fields, 'aws.lambda.telemetry_subscription.state', read.string('record.state'));
  putField(fields, 'aws.lambda.telemetry_subscription.types', read.stringArray('record.types'));
  return fields;
}

/** Lambda dropped log records: a visibility gap worth a warning. */
function mapLogsDropped(read: JsonValueReader) {
  const fields = withAction('logs-dropped');
  putField(fields, 'log.level', 'WARN');
  putField(fields, 'aws.lambda.logs_dropped.reason', read.string('record.reason'));
  putField(fields, 'aws.lambda.logs_dropped.records', read.number('record.droppedRecords'));
  putField(fields, 'aws.lambda.logs_dropped.bytes', read.number('record.droppedBytes'));
  return fields;
}

/** Types not mapped here (e.g. `platform.fault`, whose record is a text): the action, and a text record as the message. */
function mapOtherType(action: string, record: unknown): PlatformRecordMapper {
  return () => {
    const fields = withAction(action);
    if (typeof record === 'string') putField(fields, 'message', record);
    return fields;
  };
}
