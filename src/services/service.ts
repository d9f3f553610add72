/**
 * The shape every local service (kinesis-local, OpenSearch) implements, so
 * `npm run services:*` and the jest global setup drive them all the same way.
 */
export interface LocalService {
  readonly name: string;
  /** Starts the service, or reuses a healthy instance; resolves once it answers requests. */
  start(): Promise<StartResult>;
  /** True when the service answers requests at its endpoint. */
  isRunning(): Promise<boolean>;
  status(): Promise<ServiceStatus>;
  /** Stops the service if this project's script started it; anything else is left running. */
  stop(): Promise<StopOutcome>;
  /** Creates what the pipeline needs (streams, indices) idempotently; returns one line per resource. */
  ensureResources(): Promise<string[]>;
  /** Environment variables that point clients (tests, handlers, CLI) at this service. */
  clientEnv(): Record<string, string>;
}

export const START_OUTCOMES = {
  /** Spawned by this call. */
  started: 'started',
  /** Already running (started earlier by this script, or by someone else). */
  reused: 'reused',
  /** An endpoint given in the environment; never started or stopped here. */
  external: 'external',
} as const;

export type StartOutcome = (typeof START_OUTCOMES)[keyof typeof START_OUTCOMES];

export interface StartResult {
  readonly outcome: StartOutcome;
  readonly endpoint: string;
  readonly pid?: number;
  readonly elapsedMs: number;
}

export type StopOutcome = 'stopped' | 'not-running' | 'not-owned' | 'external';

export interface ServiceStatus {
  readonly running: boolean;
  readonly endpoint: string;
  /** Set when this project's script started the running process. */
  readonly pid?: number;
  readonly detail: string;
}

/** Progress and outcome lines, written for a person watching the terminal. */
export type ServiceReporter = (line: string) => void;

/** A service could not be started, prepared or stopped; the message says which and why. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly service: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${service}: ${message}`, options);
  }
}
