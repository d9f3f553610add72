import { isoMillis } from '../sample-time';
import type { LambdaFunction } from './lambda-function';

/** The REPORT of one invocation (A3, A6). */
export interface ReportValues {
  readonly requestId: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number;
  readonly initDurationMs?: number;
  readonly trace?: { readonly traceId: string; readonly segmentId: string; readonly sampled: boolean };
  readonly status?: 'timeout' | 'error';
  readonly errorType?: string;
}

export interface InitReportValues {
  readonly durationMs: number;
  readonly phase: 'init' | 'invoke';
  readonly status: 'error' | 'timeout';
  readonly errorType: string;
}

/**
 * The lines Lambda itself writes into a function's log stream, in the function's log format.
 * The JSON format has no END line and no separate timeout line: `platform.report` carries the
 * status (A6, A7). A line undefined here is not written in that format.
 */
export interface PlatformFormat {
  initStart(time: number): string;
  start(time: number, requestId: string): string;
  end(time: number, requestId: string): string | undefined;
  report(time: number, report: ReportValues): string;
  initReport(time: number, report: InitReportValues): string;
  timeout(time: number, requestId: string, seconds: number): string | undefined;
  runtimeExit(time: number, requestId: string, reason: string, errorType: string): string | undefined;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Text format (A3): tab-separated `Label: value` fields, each message ending with a newline. */
export function textPlatform(fn: LambdaFunction): PlatformFormat {
  return {
    initStart: () => `INIT_START Runtime Version: ${fn.runtime.runtimeVersion}\tRuntime Version ARN: ${fn.runtime.runtimeVersionArn}\n`,
    start: (_time, requestId) => `START RequestId: ${requestId} Version: $LATEST\n`,
    end: (_time, requestId) => `END RequestId: ${requestId}\n`,
    report: (_time, r) => {
      const fields = [
        `REPORT RequestId: ${r.requestId}`,
        `Duration: ${ms(r.durationMs)}`,
        `Billed Duration: ${r.billedDurationMs} ms`,
        `Memory Size: ${r.memorySizeMb} MB`,
        `Max Memory Used: ${r.maxMemoryUsedMb} MB`,
      ];
      if (r.initDurationMs !== undefined) fields.push(`Init Duration: ${ms(r.initDurationMs)}`);
      if (r.trace !== undefined) fields.push(`XRAY TraceId: ${r.trace.traceId}`, `SegmentId: ${r.trace.segmentId}`, `Sampled: ${r.trace.sampled}`);
      if (r.status !== undefined) fields.push(`Status: ${r.status}`);
      if (r.errorType !== undefined) fields.push(`Error Type: ${r.errorType}`);
      // REPORT ends with a tab before the newline (A1: parsers must trim).
      return `${fields.join('\t')}\t\n`;
    },
    initReport: (_time, r) => `INIT_REPORT Init Duration: ${ms(r.durationMs)}\tPhase: ${r.phase}\tStatus: ${r.status}\tError Type: ${r.errorType}\n`,
    timeout: (time, requestId, seconds) => `${isoMillis(time)} ${requestId} Task timed out after ${seconds.toFixed(2)} seconds\n`,
    // Seen in function logs when the runtime process dies; the error type follows on its own line.
    runtimeExit: (_time, requestId, reason, errorType) => `RequestId: ${requestId} Error: Runtime exited with error: ${reason}\n${errorType}\n`,
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** JSON format (A6): `{"time", "type": "platform.*", "record": {…}}`, one object per message. */
export function jsonPlatform(fn: LambdaFunction): PlatformFormat {
  const record = (time: number, type: string, body: Record<string, unknown>) => JSON.stringify({ time: isoMillis(time), type, record: body });
  return {
    initStart: (time) =>
      record(time, 'platform.initStart', {
        initializationType: 'on-demand',
        phase: 'init',
        runtimeVersion: fn.runtime.runtimeVersion,
        runtimeVersionArn: fn.runtime.runtimeVersionArn,
        functionName: fn.name,
        functionVersion: '$LATEST',
      }),
    start: (time, requestId) => record(time, 'platform.start', { requestId, version: '$LATEST' }),
    end: () => undefined,
    report: (time, r) => {
      const metrics: Record<string, number> = {
        durationMs: round2(r.durationMs),
        billedDurationMs: r.billedDurationMs,
        memorySizeMB: r.memorySizeMb,
        maxMemoryUsedMB: r.maxMemoryUsedMb,
      };
      if (r.initDurationMs !== undefined) metrics['initDurationMs'] = round2(r.initDurationMs);
      const body: Record<string, unknown> = { requestId: r.requestId, metrics, status: r.status ?? 'success' };
      if (r.errorType !== undefined) body['errorType'] = r.errorType;
      return record(time, 'platform.report', body);
    },
    initReport: (time, r) =>
      record(time, 'platform.initReport', {
        initializationType: 'on-demand',
        phase: r.phase,
        status: r.status,
        errorType: r.errorType,
        metrics: { durationMs: round2(r.durationMs) },
      }),
    timeout: () => undefined,
    runtimeExit: () => undefined,
  };
}

export function platformFormatOf(fn: LambdaFunction): PlatformFormat {
  return fn.logFormat === 'JSON' ? jsonPlatform(fn) : textPlatform(fn);
}
