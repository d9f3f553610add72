import { SKIP } from '../../../../src/normalize/parser';
import { platformTextParser } from '../../../../src/normalize/parsers/lambda/platform-text';
import { failedAs, parsedAs, parseLine, RID } from './lambda-lines';

const P = 'lambda-platform';
const ARN = 'arn:aws:lambda:eu-west-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9';
const WARM_REPORT = `REPORT RequestId: ${RID}\tDuration: 2.16 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 59 MB\t`;
const warmMetrics = { duration_ms: 2.16, billed_duration_ms: 3, memory_size_mb: 128, max_memory_used_mb: 59 };

describe('normalize: lambda platform lines', () => {
  it.each([
    ['START', `START RequestId: ${RID} Version: $LATEST`, { event: { action: 'start' }, faas: { execution: RID }, aws: { lambda: { version: '$LATEST' } } }],
    ['START of a published version', `START RequestId: ${RID} Version: 12\n`, { event: { action: 'start' }, faas: { execution: RID }, aws: { lambda: { version: '12' } } }],
    ['END', `END RequestId: ${RID}\n`, { event: { action: 'end' }, faas: { execution: RID } }],
    [
      'REPORT without Init Duration',
      WARM_REPORT,
      { event: { kind: 'metric', action: 'report', duration: 2_160_000 }, faas: { execution: RID, coldstart: false }, aws: { lambda: warmMetrics } },
    ],
    [
      'REPORT with Init Duration and XRAY fields on the same line',
      `REPORT RequestId: ${RID}\tDuration: 812.44 ms\tBilled Duration: 813 ms\tMemory Size: 512 MB\tMax Memory Used: 96 MB\tInit Duration: 312.05 ms\tXRAY TraceId: 1-6749f2a3-5d2c1b0a9f8e7d6c5b4a3928\tSegmentId: 4b3a29180f1e2d3c\tSampled: true`,
      {
        event: { kind: 'metric', action: 'report', duration: 812_440_000 },
        faas: { execution: RID, coldstart: true },
        trace: { id: '1-6749f2a3-5d2c1b0a9f8e7d6c5b4a3928' },
        span: { id: '4b3a29180f1e2d3c' },
        aws: { lambda: { duration_ms: 812.44, billed_duration_ms: 813, memory_size_mb: 512, max_memory_used_mb: 96, init_duration_ms: 312.05, xray_sampled: true } },
      },
    ],
    [
      'REPORT with the XRAY fields on a new line and a trailing newline',
      `${WARM_REPORT}Init Duration: 178.93 ms\t\nXRAY TraceId: 1-5e34a614-10bdxmplf1fb44f07bc535a1\tSegmentId: 07f5xmpl2d1f6f85\tSampled: false\t\n`,
      {
        event: { kind: 'metric', action: 'report', duration: 2_160_000 },
        faas: { execution: RID, coldstart: true },
        trace: { id: '1-5e34a614-10bdxmplf1fb44f07bc535a1' },
        span: { id: '07f5xmpl2d1f6f85' },
        aws: { lambda: { ...warmMetrics, init_duration_ms: 178.93, xray_sampled: false } },
      },
    ],
    [
      'REPORT with trailing spaces before the tabs',
      `REPORT RequestId: ${RID}\tDuration: 27.31 ms \tBilled Duration: 28 ms \tMemory Size: 256 MB \tMax Memory Used: 80 MB \t\n`,
      { event: { kind: 'metric', action: 'report', duration: 27_310_000 }, faas: { execution: RID, coldstart: false }, aws: { lambda: { duration_ms: 27.31, billed_duration_ms: 28, memory_size_mb: 256, max_memory_used_mb: 80 } } },
    ],
    [
      'REPORT of a SnapStart restore',
      `REPORT RequestId: ${RID}\tDuration: 41.27 ms\tBilled Duration: 273 ms\tMemory Size: 1024 MB\tMax Memory Used: 140 MB\tRestore Duration: 270.85 ms\tBilled Restore Duration: 231 ms`,
      {
        event: { kind: 'metric', action: 'report', duration: 41_270_000 },
        faas: { execution: RID, coldstart: true },
        aws: { lambda: { duration_ms: 41.27, billed_duration_ms: 273, memory_size_mb: 1024, max_memory_used_mb: 140, restore_duration_ms: 270.85, billed_restore_duration_ms: 231 } },
      },
    ],
    [
      'REPORT with Status: timeout',
      `REPORT RequestId: ${RID}\tDuration: 30000.00 ms\tBilled Duration: 30000 ms\tMemory Size: 512 MB\tMax Memory Used: 211 MB\tStatus: timeout`,
      {
        event: { kind: 'metric', action: 'report', duration: 30_000_000_000, outcome: 'failure' },
        log: { level: 'ERROR' },
        faas: { execution: RID, coldstart: false },
        aws: { lambda: { duration_ms: 30000, billed_duration_ms: 30000, memory_size_mb: 512, max_memory_used_mb: 211, status: 'timeout' } },
      },
    ],
    [
      'REPORT with Status: error and Error Type Runtime.OutOfMemory',
      `REPORT RequestId: ${RID}\tDuration: 1523.90 ms\tBilled Duration: 1524 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory`,
      {
        event: { kind: 'metric', action: 'report', duration: 1_523_900_000, outcome: 'failure' },
        log: { level: 'ERROR' },
        error: { type: 'Runtime.OutOfMemory' },
        faas: { execution: RID, coldstart: false },
        aws: { lambda: { duration_ms: 1523.9, billed_duration_ms: 1524, memory_size_mb: 128, max_memory_used_mb: 128, status: 'error', error_type: 'Runtime.OutOfMemory', memory_exhausted: true } },
      },
    ],
    [
      'REPORT with Status: error and another Error Type',
      `${WARM_REPORT}Status: error\tError Type: Runtime.ExitError`,
      {
        event: { kind: 'metric', action: 'report', duration: 2_160_000, outcome: 'failure' },
        log: { level: 'ERROR' },
        error: { type: 'Runtime.ExitError' },
        faas: { execution: RID, coldstart: false },
        aws: { lambda: { ...warmMetrics, status: 'error', error_type: 'Runtime.ExitError' } },
      },
    ],
    [
      'REPORT whose Max Memory Used reaches Memory Size',
      `REPORT RequestId: ${RID}\tDuration: 900.00 ms\tBilled Duration: 900 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB`,
      {
        event: { kind: 'metric', action: 'report', duration: 900_000_000 },
        faas: { execution: RID, coldstart: false },
        aws: { lambda: { duration_ms: 900, billed_duration_ms: 900, memory_size_mb: 128, max_memory_used_mb: 128, memory_exhausted: true } },
      },
    ],
    [
      'REPORT with a field this parser does not know yet',
      `${WARM_REPORT}Billed Snapshot Size: 12 MB`,
      { event: { kind: 'metric', action: 'report', duration: 2_160_000 }, faas: { execution: RID, coldstart: false }, aws: { lambda: warmMetrics } },
    ],
    [
      'INIT_START',
      `INIT_START Runtime Version: nodejs:22.v31\tRuntime Version ARN: ${ARN}\n`,
      { event: { action: 'init-start' }, faas: { coldstart: true }, aws: { lambda: { runtime_version: 'nodejs:22.v31', runtime_version_arn: ARN } } },
    ],
    [
      'INIT_REPORT of a failed init (phase init)',
      'INIT_REPORT Init Duration: 151.20 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
      {
        event: { kind: 'metric', action: 'init-report', duration: 151_200_000, outcome: 'failure' },
        log: { level: 'ERROR' },
        error: { type: 'Runtime.ImportModuleError' },
        faas: { coldstart: true },
        aws: { lambda: { init_duration_ms: 151.2, phase: 'init', status: 'error', error_type: 'Runtime.ImportModuleError', init_error: true } },
      },
    ],
    [
      'INIT_REPORT of an init timeout re-run in an invoke (phase invoke)',
      'INIT_REPORT Init Duration: 10008.82 ms\tPhase: invoke\tStatus: timeout',
      {
        event: { kind: 'metric', action: 'init-report', duration: 10_008_820_000, outcome: 'failure' },
        log: { level: 'ERROR' },
        faas: { coldstart: true },
        aws: { lambda: { init_duration_ms: 10008.82, phase: 'invoke', status: 'timeout', init_error: true } },
      },
    ],
    [
      'INIT_REPORT of a SnapStart function (no Status)',
      'INIT_REPORT Init Duration: 1203.43 ms',
      { event: { kind: 'metric', action: 'init-report', duration: 1_203_430_000 }, faas: { coldstart: true }, aws: { lambda: { init_duration_ms: 1203.43 } } },
    ],
    [
      'RESTORE_START',
      `RESTORE_START Runtime Version: java:21.v20\tRuntime Version ARN: ${ARN}`,
      { event: { action: 'restore-start' }, faas: { coldstart: true }, aws: { lambda: { runtime_version: 'java:21.v20', runtime_version_arn: ARN } } },
    ],
    [
      'RESTORE_REPORT',
      'RESTORE_REPORT Restore Duration: 270.85 ms',
      { event: { kind: 'metric', action: 'restore-report', duration: 270_850_000 }, faas: { coldstart: true }, aws: { lambda: { restore_duration_ms: 270.85 } } },
    ],
    [
      'Task timed out',
      '2025-11-28T18:05:14.002Z 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d Task timed out after 30.03 seconds\n',
      {
        event: { action: 'timeout', outcome: 'failure', created: '2025-11-28T18:05:14.002Z', duration: 30_030_000_000 },
        log: { level: 'ERROR' },
        faas: { execution: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d' },
        error: { message: 'Task timed out after 30.03 seconds' },
        aws: { lambda: { status: 'timeout', timeout_seconds: 30.03 } },
      },
    ],
  ])('parses %s', (_name, line, fields) => {
    expect(parseLine(platformTextParser, line)).toStrictEqual(parsedAs(P, fields));
  });

  it('parses the timeout line when its fields are tab-separated', () => {
    const outcome = parseLine(platformTextParser, `2025-11-28T18:05:14.002Z\t${RID}\tTask timed out after 3.00 seconds`);
    expect(outcome).toMatchObject({ kind: 'parsed', fields: { event: { action: 'timeout', duration: 3_000_000_000 }, faas: { execution: RID } } });
  });

  it('parses a REPORT line whose fields are separated by spaces', () => {
    const outcome = parseLine(platformTextParser, `REPORT RequestId: ${RID} Duration: 2.16 ms Billed Duration: 3 ms Memory Size: 128 MB Max Memory Used: 59 MB`);
    expect(outcome).toStrictEqual(parsedAs(P, { event: { kind: 'metric', action: 'report', duration: 2_160_000 }, faas: { execution: RID, coldstart: false }, aws: { lambda: warmMetrics } }));
  });
});

describe('normalize: lambda platform lines (rejected)', () => {
  const report = { event: { kind: 'metric', action: 'report' } };
  it.each([
    ['a REPORT value is not a duration', 'REPORT RequestId: x Duration: abc', 'REPORT Duration is not "<number> ms": "abc"', { ...report, faas: { execution: 'x' } }],
    ['a REPORT lacks a required field', `REPORT RequestId: ${RID}\tDuration: 2.16 ms`, 'REPORT line has no Billed Duration field', { ...report, faas: { execution: RID } }],
    ['a REPORT repeats a field', `${WARM_REPORT}Duration: 9 ms`, 'REPORT line has the Duration field twice', report],
    ['a REPORT memory size has no unit', `REPORT RequestId: ${RID}\tDuration: 2.16 ms\tBilled Duration: 3 ms\tMemory Size: 128\tMax Memory Used: 59 MB`, 'REPORT Memory Size is not "<number> MB": "128"', { ...report, faas: { execution: RID } }],
    ['a REPORT has a bad Sampled value', `${WARM_REPORT}Sampled: maybe`, 'REPORT Sampled is not true or false: "maybe"', { ...report, faas: { execution: RID } }],
    ['a REPORT value is followed by text that is no field', `${WARM_REPORT}Init Duration: 5 ms\t%%garbage`, 'REPORT Init Duration is followed by unexpected text "%%garbage"', report],
    ['a REPORT request id has spaces', `REPORT RequestId: a b\tDuration: 2.16 ms`, 'REPORT RequestId is not a single token: "a b"', report],
    ['a START has a field of another line', `START RequestId: ${RID} Version: $LATEST Phase: init`, 'START line has an unexpected Phase field', { event: { action: 'start' } }],
    ['an END has an empty request id', 'END RequestId: \n', 'END RequestId is not a single token: ""', { event: { action: 'end' } }],
    ['an END has text before its field', 'END RequestId:x', 'END line has no "Label: value" fields', { event: { action: 'end' } }],
    ['an INIT_START lacks the runtime version', `INIT_START Runtime Version ARN: ${ARN}`, 'INIT_START line has no Runtime Version field', { event: { action: 'init-start' } }],
    ['an INIT_START has text before its fields', 'INIT_START booting Runtime Version: nodejs:22.v31', 'INIT_START line has unexpected text "booting" before its first field', { event: { action: 'init-start' } }],
    ['an INIT_REPORT duration is not a number', 'INIT_REPORT Init Duration: fast\tPhase: init', 'INIT_REPORT Init Duration is not "<number> ms": "fast"', { event: { action: 'init-report' } }],
    ['an INIT_REPORT lacks its duration', 'INIT_REPORT Phase: init\tStatus: error', 'INIT_REPORT line has no Init Duration field', { event: { action: 'init-report' } }],
    [
      'a timeout line does not end with seconds',
      `2025-11-28T18:05:14.002Z ${RID} Task timed out after soon`,
      'timeout line does not end with "<number> seconds": "soon"',
      { event: { action: 'timeout', outcome: 'failure', created: '2025-11-28T18:05:14.002Z' }, log: { level: 'ERROR' }, faas: { execution: RID }, aws: { lambda: { status: 'timeout' } } },
    ],
  ])('fails with a precise reason when %s', (_name, line, error, fields) => {
    expect(parseLine(platformTextParser, line)).toStrictEqual(failedAs(P, error, fields));
  });

  it('cuts long values short in the reason', () => {
    const outcome = parseLine(platformTextParser, `REPORT RequestId: x Duration: ${'9'.repeat(100_000)}`);
    expect(outcome.kind === 'failed' && outcome.error.length).toBeLessThan(120);
  });

  it.each([
    ['an application line starting with START', 'START of batch 7'],
    ['an application line starting with REPORT', 'REPORT generated for tenant 5'],
    ['a word that only begins like END', 'ENDPOINT /orders returned 200'],
    ['a keyword glued to more letters', 'INIT_STARTED Runtime Version: x'],
    ['a lower-case keyword', `Report RequestId: ${RID}`],
    ['a Node.js text line', `2025-11-28T18:03:31.123Z\t${RID}\tINFO\tTask timed out after 3.00 seconds`],
    ['a JSON line', '{"type":"platform.report"}'],
    ['an empty line', ''],
  ])('skips %s', (_name, line) => {
    expect(parseLine(platformTextParser, line)).toBe(SKIP);
  });
});

describe('normalize: lambda runtime-exit lines', () => {
  const exitFields = (reason: string, type?: string) => ({
    event: { action: 'runtime-exit', outcome: 'failure' },
    log: { level: 'ERROR' },
    faas: { execution: RID },
    error: type === undefined ? { message: reason } : { message: reason, type },
    aws: { lambda: type === undefined ? { status: 'error' } : { status: 'error', error_type: type } },
  });

  it.each([
    ['killed by a signal, the type on its own line', `RequestId: ${RID} Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n`, 'Runtime exited with error: signal: killed', 'Runtime.ExitError'],
    ['out of memory', `RequestId: ${RID} Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory`, 'Runtime exited with error: signal: killed', 'Runtime.OutOfMemory'],
    ['an exit status, the type after a space', `RequestId: ${RID} Error: Runtime exited with error: exit status 1 Runtime.ExitError`, 'Runtime exited with error: exit status 1', 'Runtime.ExitError'],
    ['no reason, no type', `RequestId: ${RID} Error: Runtime exited without providing a reason`, 'Runtime exited without providing a reason', undefined],
  ])('parses %s', (_name, line, reason, type) => {
    expect(parseLine(platformTextParser, line)).toStrictEqual(parsedAs('lambda-platform', exitFields(reason, type)));
  });

  it.each([
    ['another error after a request id', `RequestId: ${RID} Error: connection refused`],
    ['a request id alone', `RequestId: ${RID}`],
    ['the words in the middle of an application line', `${RID} RequestId: x Error: Runtime exited with error: signal: killed`],
  ])('leaves %s to the other parsers', (_name, line) => {
    expect(parseLine(platformTextParser, line)).toBe(SKIP);
  });
});
