import type { SamplePrng } from '../prng';
import type { AttackKind, IncidentKind, SampleLogEvent } from '../sample-event';
import type { ExecutionEnvironment } from './environment-pool';
import type { AppLine, BrokenInit, InvocationPlan } from './invocation-plan';
import { type LambdaFunction, logGroupOf } from './lambda-function';
import { type PlatformFormat, platformFormatOf, type ReportValues } from './platform-lines';

interface Marks {
  readonly attacks?: readonly AttackKind[] | undefined;
  readonly incident?: IncidentKind | undefined;
}

/**
 * Writes invocations into their environments' log streams the way Lambda and the runtime do
 * (A3–A7): INIT_START and the module's init lines on a cold start, START, the handler's lines,
 * then END and REPORT (with Init Duration on the cold start), or the timeout / runtime exit /
 * failed init sequences.
 */
export class InvocationRenderer {
  readonly events: SampleLogEvent[] = [];
  private readonly logGroup: string;
  private readonly platform: PlatformFormat;

  constructor(
    private readonly fn: LambdaFunction,
    private readonly prng: SamplePrng,
  ) {
    this.logGroup = logGroupOf(fn);
    this.platform = platformFormatOf(fn);
  }

  /** Renders one invocation; returns whether its environment survived it. */
  render(env: ExecutionEnvironment, cold: boolean, plan: InvocationPlan, initLines: readonly AppLine[], brokenInit: BrokenInit | undefined): boolean {
    const requestId = this.prng.uuid();
    let t = plan.arrival;
    let initDurationMs: number | undefined;
    if (cold) {
      const initMs = this.prng.around(this.fn.initMs[0], this.fn.initMs[1]);
      this.write(env, t, (ts) => this.platform.initStart(ts));
      if (brokenInit !== undefined) {
        // A3: the init phase fails, then Lambda retries init inside the invoke (Phase: invoke).
        this.write(env, t + initMs * 0.9, (ts) => brokenInit.render(ts, undefined), { incident: 'init-failure' });
        const failedAt = t + initMs;
        this.write(env, failedAt, (ts) => this.platform.initReport(ts, { durationMs: initMs, phase: 'init', status: 'error', errorType: brokenInit.errorType }));
        env.brokenInit = brokenInit;
        t = failedAt + this.prng.int(3, 40);
      } else {
        for (const line of initLines) this.writeLine(env, t, line, t + initMs - 1, undefined);
        t += initMs;
        initDurationMs = initMs;
      }
    }
    if (env.brokenInit !== undefined) return this.renderFailedInit(env, t, requestId, env.brokenInit);
    return this.renderHandler(env, t, requestId, plan, initDurationMs);
  }

  private renderHandler(env: ExecutionEnvironment, startAt: number, requestId: string, plan: InvocationPlan, initDurationMs: number | undefined): boolean {
    this.write(env, startAt, (ts) => this.platform.start(ts, requestId));
    const { ending } = plan;
    const durationMs = ending.kind === 'timeout' ? this.fn.timeoutSeconds * 1000 : plan.durationMs;
    const endAt = startAt + durationMs;
    for (const line of plan.lines) this.writeLine(env, startAt, line, endAt - 1, requestId);
    const used = plan.memoryMb ?? env.maxMemoryUsedMb + (this.prng.chance(0.15) ? 1 : 0);
    env.maxMemoryUsedMb = Math.min(this.fn.memorySizeMb, Math.max(env.maxMemoryUsedMb, used));
    const report: ReportValues = {
      requestId,
      durationMs,
      // Since August 2025 the init phase of on-demand functions is billed: Billed Duration includes it.
      billedDurationMs: Math.ceil(durationMs + (initDurationMs ?? 0)),
      memorySizeMb: this.fn.memorySizeMb,
      maxMemoryUsedMb: env.maxMemoryUsedMb,
      ...(initDurationMs === undefined ? {} : { initDurationMs }),
      ...(this.fn.tracing ? { trace: this.trace(startAt) } : {}),
      ...(ending.kind === 'timeout' ? { status: 'timeout' as const } : {}),
      ...(ending.kind === 'runtime-exit' ? { status: 'error' as const, errorType: ending.errorType } : {}),
    };
    if (ending.kind === 'timeout') {
      const seconds = this.fn.timeoutSeconds + this.prng.int(1, 4) / 100;
      this.write(env, endAt, (ts) => this.platform.timeout(ts, requestId, seconds), { incident: 'timeout' });
    }
    if (ending.kind === 'runtime-exit') {
      this.write(env, endAt, (ts) => this.platform.runtimeExit(ts, requestId, ending.reason, ending.errorType), { incident: ending.incident });
    }
    this.write(env, endAt, (ts) => this.platform.end(ts, requestId));
    this.write(env, endAt + 1, (ts) => this.platform.report(ts, report), ending.kind === 'runtime-exit' ? { incident: ending.incident } : {});
    env.busyUntil = endAt + 2;
    env.lastUsedAt = endAt + 2;
    return ending.kind === 'success';
  }

  /** The invoke after a failed init: init runs again inside it and fails the same way. */
  private renderFailedInit(env: ExecutionEnvironment, at: number, requestId: string, brokenInit: BrokenInit): boolean {
    const initMs = this.prng.around(this.fn.initMs[0], this.fn.initMs[1]);
    this.write(env, at, (ts) => this.platform.initStart(ts));
    this.write(env, at + 1, (ts) => this.platform.start(ts, requestId));
    this.write(env, at + initMs * 0.9, (ts) => brokenInit.render(ts, undefined), { incident: 'init-failure' });
    const endAt = at + initMs + 1;
    this.write(env, endAt, (ts) => this.platform.initReport(ts, { durationMs: initMs, phase: 'invoke', status: 'error', errorType: brokenInit.errorType }));
    this.write(env, endAt, (ts) => this.platform.end(ts, requestId));
    const durationMs = initMs + this.prng.between(0.5, 3);
    const report: ReportValues = {
      requestId,
      durationMs,
      billedDurationMs: Math.ceil(durationMs),
      memorySizeMb: this.fn.memorySizeMb,
      maxMemoryUsedMb: Math.round(this.fn.baseMemoryMb * 0.6),
      status: 'error',
      errorType: brokenInit.errorType,
    };
    this.write(env, endAt + 1, (ts) => this.platform.report(ts, report));
    env.busyUntil = endAt + 2;
    env.lastUsedAt = endAt + 2;
    return true;
  }

  private trace(at: number): NonNullable<ReportValues['trace']> {
    // X-Ray trace ids carry the request's epoch seconds in hex.
    return { traceId: `1-${Math.floor(at / 1000).toString(16)}-${this.prng.hex(24)}`, segmentId: this.prng.hex(16), sampled: true };
  }

  private writeLine(env: ExecutionEnvironment, phaseStart: number, line: AppLine, latest: number, requestId: string | undefined): void {
    const time = Math.min(phaseStart + line.atMs, latest);
    this.write(env, time, (ts) => line.render(ts, requestId), { attacks: line.attacks, incident: line.incident });
  }

  /** Writes a message at a whole millisecond (CloudWatch timestamps are integers); undefined writes nothing. */
  private write(env: ExecutionEnvironment, time: number, render: (time: number) => string | undefined, marks: Marks = {}): void {
    const timestamp = Math.round(time);
    const message = render(timestamp);
    if (message === undefined) return;
    this.events.push({
      logGroup: this.logGroup,
      logStream: env.logStream,
      timestamp,
      message,
      ...(marks.attacks === undefined ? {} : { attacks: marks.attacks }),
      ...(marks.incident === undefined ? {} : { incident: marks.incident }),
    });
  }
}
