import { SKIP } from '../../../../src/normalize/parser';
import { jsonFormatParser } from '../../../../src/normalize/parsers/lambda/json-format';
import { failedAs, parsedAs, parseLine, RID } from './lambda-lines';

const J = 'lambda-json';
const T = '2025-11-28T18:03:30.311Z';
const ARN = 'arn:aws:lambda:eu-west-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9';
const TRACING = '{"spanId":"54565fb41ac79632","type":"X-Amzn-Trace-Id","value":"Root=1-62e900b2-710d76f009d6e7785905449a;Parent=0efbd19962d95b05;Sampled=1"}';
const system = (type: string, record: string): string => `{"time":"${T}","type":"${type}","record":${record}}`;
const metrics = (extra = ''): string => `{"durationMs":30003.11,"billedDurationMs":30000,"memorySizeMB":512,"maxMemoryUsedMB":211${extra}}`;
const reportLambda = { duration_ms: 30003.11, billed_duration_ms: 30000, memory_size_mb: 512, max_memory_used_mb: 211 };

describe('normalize: lambda JSON platform records', () => {
  it.each([
    ['platform.start', system('platform.start', `{"requestId":"${RID}","version":"$LATEST"}`), { event: { action: 'start', created: T }, faas: { execution: RID }, aws: { lambda: { version: '$LATEST' } } }],
    [
      'platform.start with X-Ray tracing',
      system('platform.start', `{"requestId":"${RID}","version":"$LATEST","tracing":${TRACING}}`),
      {
        event: { action: 'start', created: T }, faas: { execution: RID }, trace: { id: '1-62e900b2-710d76f009d6e7785905449a' }, span: { id: '54565fb41ac79632' },
        aws: { lambda: { version: '$LATEST', xray_sampled: true } },
      },
    ],
    [
      'platform.report of a timeout',
      system('platform.report', `{"requestId":"${RID}","metrics":${metrics()},"status":"timeout"}`),
      {
        event: { kind: 'metric', action: 'report', duration: 30_003_110_000, outcome: 'failure', created: T }, log: { level: 'ERROR' }, faas: { execution: RID, coldstart: false },
        aws: { lambda: { ...reportLambda, status: 'timeout' } },
      },
    ],
    [
      'platform.report of a cold start that succeeded',
      system('platform.report', `{"requestId":"${RID}","metrics":${metrics(',"initDurationMs":312.05')},"status":"success","tracing":${TRACING}}`),
      {
        event: { kind: 'metric', action: 'report', duration: 30_003_110_000, outcome: 'success', created: T }, faas: { execution: RID, coldstart: true },
        trace: { id: '1-62e900b2-710d76f009d6e7785905449a' }, span: { id: '54565fb41ac79632' },
        aws: { lambda: { ...reportLambda, init_duration_ms: 312.05, status: 'success', xray_sampled: true } },
      },
    ],
    [
      'platform.report of a SnapStart restore that ran out of memory',
      system('platform.report', `{"requestId":"${RID}","metrics":${metrics(',"restoreDurationMs":270.85,"billedRestoreDurationMs":231')},"status":"error","errorType":"Runtime.OutOfMemory"}`),
      {
        event: { kind: 'metric', action: 'report', duration: 30_003_110_000, outcome: 'failure', created: T }, log: { level: 'ERROR' }, faas: { execution: RID, coldstart: true },
        error: { type: 'Runtime.OutOfMemory' },
        aws: { lambda: { ...reportLambda, restore_duration_ms: 270.85, billed_restore_duration_ms: 231, status: 'error', error_type: 'Runtime.OutOfMemory', memory_exhausted: true } },
      },
    ],
    [
      'platform.runtimeDone',
      system('platform.runtimeDone', `{"requestId":"${RID}","status":"success","metrics":{"durationMs":811.2,"producedBytes":53}}`),
      { event: { action: 'runtime-done', outcome: 'success', duration: 811_200_000, created: T }, faas: { execution: RID }, aws: { lambda: { status: 'success', runtime_duration_ms: 811.2, produced_bytes: 53 } } },
    ],
    [
      'platform.initStart',
      system('platform.initStart', `{"initializationType":"on-demand","phase":"init","runtimeVersion":"nodejs:22.v31","runtimeVersionArn":"${ARN}","functionName":"orders-api","functionVersion":"$LATEST"}`),
      {
        event: { action: 'init-start', created: T }, faas: { coldstart: true },
        aws: { lambda: { runtime_version: 'nodejs:22.v31', runtime_version_arn: ARN, initialization_type: 'on-demand', phase: 'init', version: '$LATEST' } },
      },
    ],
    [
      'platform.initRuntimeDone of a failed init',
      system('platform.initRuntimeDone', '{"initializationType":"on-demand","phase":"init","status":"error","errorType":"Runtime.ImportModuleError"}'),
      {
        event: { action: 'init-runtime-done', outcome: 'failure', created: T }, log: { level: 'ERROR' }, error: { type: 'Runtime.ImportModuleError' },
        aws: { lambda: { status: 'error', error_type: 'Runtime.ImportModuleError', init_error: true, initialization_type: 'on-demand', phase: 'init' } },
      },
    ],
    [
      'platform.initReport of a failed init',
      system('platform.initReport', '{"initializationType":"on-demand","phase":"init","status":"error","errorType":"Runtime.ImportModuleError","metrics":{"durationMs":151.2}}'),
      {
        event: { kind: 'metric', action: 'init-report', duration: 151_200_000, outcome: 'failure', created: T }, log: { level: 'ERROR' }, faas: { coldstart: true },
        error: { type: 'Runtime.ImportModuleError' },
        aws: { lambda: { init_duration_ms: 151.2, phase: 'init', status: 'error', error_type: 'Runtime.ImportModuleError', init_error: true, initialization_type: 'on-demand' } },
      },
    ],
    [
      'platform.extension',
      system('platform.extension', '{"name":"datadog-agent","state":"Ready","events":["INVOKE","SHUTDOWN"]}'),
      { event: { action: 'extension', created: T }, aws: { lambda: { extension: { name: 'datadog-agent', state: 'Ready', events: ['INVOKE', 'SHUTDOWN'] } } } },
    ],
    [
      'platform.telemetrySubscription',
      system('platform.telemetrySubscription', '{"name":"siem-extension","state":"Subscribed","types":["platform","function"]}'),
      { event: { action: 'telemetry-subscription', created: T }, aws: { lambda: { telemetry_subscription: { name: 'siem-extension', state: 'Subscribed', types: ['platform', 'function'] } } } },
    ],
    [
      'platform.logsDropped',
      system('platform.logsDropped', '{"reason":"Consumer seems to have fallen behind as it has not acknowledged receipt of logs.","droppedRecords":123,"droppedBytes":12345}'),
      {
        event: { action: 'logs-dropped', created: T }, log: { level: 'WARN' },
        aws: { lambda: { logs_dropped: { reason: 'Consumer seems to have fallen behind as it has not acknowledged receipt of logs.', records: 123, bytes: 12345 } } },
      },
    ],
    [
      'a platform type not mapped here, whose record is text',
      system('platform.fault', `"RequestId: ${RID} Process exited before completing request"`),
      { event: { action: 'fault', created: T }, message: `RequestId: ${RID} Process exited before completing request` },
    ],
  ])('maps %s', (_name, line, fields) => {
    expect(parseLine(jsonFormatParser, line)).toStrictEqual(parsedAs(J, fields));
  });

  it('treats an object whose type is not platform.* as an application record', () => {
    expect(parseLine(jsonFormatParser, '{"type":"order.created","record":{"id":1}}')).toStrictEqual(parsedAs(J, { json: { type: 'order.created', record: { id: 1 } } }));
  });
});

describe('normalize: lambda JSON platform records (rejected)', () => {
  it.each([
    ['a metric is not a number', system('platform.report', `{"requestId":"${RID}","metrics":{"durationMs":"abc"},"status":"success"}`), 'platform.report record.metrics.durationMs is not a number', 'report'],
    ['metrics are missing', system('platform.report', `{"requestId":"${RID}","status":"success"}`), 'platform.report has no record.metrics.durationMs', 'report'],
    ['the record is not an object', system('platform.report', '"done"'), 'platform.report record is not an object', 'report'],
    ['the request id is missing', system('platform.start', '{"version":"$LATEST"}'), 'platform.start has no record.requestId', 'start'],
    ['the status has the wrong type', system('platform.runtimeDone', `{"requestId":"${RID}","status":3}`), 'platform.runtimeDone record.status is not a string', 'runtime-done'],
    ['the time is missing', `{"type":"platform.start","record":{"requestId":"${RID}"}}`, 'platform.start has no time', 'start'],
    ['the time is not a timestamp', `{"time":"yesterday","type":"platform.start","record":{"requestId":"${RID}"}}`, 'platform.start time is not an ISO 8601 timestamp', 'start'],
  ])('fails with a precise reason when %s', (_name, line, error, action) => {
    expect(parseLine(jsonFormatParser, line)).toStrictEqual(failedAs(J, error, { event: { action } }));
  });

  it.each([
    ['a JSON array', '[{"level":"INFO"}]'],
    ['a JSON string', '"hello"'],
    ['a JSON number', '42'],
    ['null', 'null'],
    ['truncated JSON', '{"level":"INFO","message":"cut her'],
    ['invalid JSON between braces', '{not json}'],
    ['text that merely starts with a brace', '{} is an empty object'],
    ['a text line', `2025-11-28T18:03:31.123Z\t${RID}\tINFO\t{"a":1}`],
  ])('skips %s', (_name, line) => {
    expect(parseLine(jsonFormatParser, line)).toBe(SKIP);
  });

  it('fails cleanly on an object nested 100,000 levels deep', () => {
    const line = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(parseLine(jsonFormatParser, line)).toStrictEqual(failedAs(J, 'JSON nested deeper than 64 levels'));
  });
});
