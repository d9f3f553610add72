import type { SamplePrng } from '../prng';
import type { BrokenInit } from './invocation-plan';
import { MINUTE_MS, streamDate } from '../sample-time';

/** One execution environment: one log stream, reused by invocations while it stays warm. */
export interface ExecutionEnvironment {
  readonly logStream: string;
  readonly createdAt: number;
  readonly idleTimeoutMs: number;
  readonly maxLifetimeMs: number;
  busyUntil: number;
  lastUsedAt: number;
  /** REPORT's Max Memory Used is the environment's peak so far, not the invocation's. */
  maxMemoryUsedMb: number;
  /** The deployed code could not be loaded: every invocation re-runs init and fails (A3 INIT_REPORT Phase: invoke). */
  brokenInit: BrokenInit | undefined;
}

/**
 * Lambda's environments for one function: an invocation reuses the most recently used idle
 * environment, or starts a new one (a cold start with its own log stream,
 * `2026/01/15/[$LATEST]<32 hex>`). Idle environments are reclaimed after some minutes and none
 * lives forever; a deployment or a crashed runtime retires them.
 */
export class EnvironmentPool {
  private readonly environments: ExecutionEnvironment[] = [];
  private readonly created: ExecutionEnvironment[] = [];

  constructor(
    private readonly prng: SamplePrng,
    private readonly baseMemoryMb: number,
  ) {}

  acquire(at: number): { readonly environment: ExecutionEnvironment; readonly cold: boolean } {
    this.reclaim(at);
    let warm: ExecutionEnvironment | undefined;
    for (const env of this.environments) {
      if (env.busyUntil <= at && (warm === undefined || env.lastUsedAt > warm.lastUsedAt)) warm = env;
    }
    if (warm !== undefined) return { environment: warm, cold: false };
    const environment: ExecutionEnvironment = {
      logStream: `${streamDate(at)}/[$LATEST]${this.prng.hex(32)}`,
      createdAt: at,
      idleTimeoutMs: this.prng.int(6, 28) * MINUTE_MS,
      maxLifetimeMs: this.prng.int(120, 300) * MINUTE_MS,
      busyUntil: at,
      lastUsedAt: at,
      maxMemoryUsedMb: this.baseMemoryMb + this.prng.int(-4, 6),
      brokenInit: undefined,
    };
    this.environments.push(environment);
    this.created.push(environment);
    return { environment, cold: true };
  }

  retire(environment: ExecutionEnvironment): void {
    const index = this.environments.indexOf(environment);
    if (index >= 0) this.environments.splice(index, 1);
  }

  /** A new deployment: invocations after it start fresh environments with the new code. */
  retireAll(): void {
    this.environments.length = 0;
  }

  /** Every environment ever started, in order (each is a CreateLogStream and an AssumeRole in CloudTrail). */
  allCreated(): readonly ExecutionEnvironment[] {
    return this.created;
  }

  private reclaim(at: number): void {
    for (let i = this.environments.length - 1; i >= 0; i--) {
      const env = this.environments[i] as ExecutionEnvironment;
      const idle = env.busyUntil <= at && at - env.lastUsedAt > env.idleTimeoutMs;
      if (idle || at - env.createdAt > env.maxLifetimeMs) this.environments.splice(i, 1);
    }
  }
}

