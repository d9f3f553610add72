import type { AttackKind, IncidentKind } from '../sample-event';

/** Renders one line at its time; the request id is undefined during init (outside any invocation). */
export type LineRenderer = (time: number, requestId: string | undefined) => string;

/** A line the function's code or runtime writes, `atMs` after its phase began (init or START). */
export interface AppLine {
  readonly atMs: number;
  readonly render: LineRenderer;
  readonly attacks?: readonly AttackKind[];
  readonly incident?: IncidentKind;
}

export type InvocationEnding =
  | { readonly kind: 'success' }
  /** The handler ran past the function timeout: Lambda writes "Task timed out" and resets the environment. */
  | { readonly kind: 'timeout' }
  /** The runtime process died (signal, exit, memory): the environment is gone. */
  | { readonly kind: 'runtime-exit'; readonly errorType: 'Runtime.ExitError' | 'Runtime.OutOfMemory'; readonly reason: string; readonly incident: IncidentKind };

export interface InvocationPlan {
  readonly arrival: number;
  /** Handler duration in ms (ignored for timeouts, which last the function timeout). */
  readonly durationMs: number;
  readonly lines: readonly AppLine[];
  readonly ending: InvocationEnding;
  /** Peak memory of this invocation in MB, when it stands out from the environment's usual. */
  readonly memoryMb?: number;
}

/** Code that cannot be loaded (a missing module): every init fails with this line and error type. */
export interface BrokenInit {
  readonly errorType: string;
  readonly render: LineRenderer;
}

/** A code deployment: environments started after it run the new code. */
export interface Deployment {
  readonly at: number;
  readonly brokenInit?: BrokenInit;
}
