import { backoffDelayMs, sleepMs } from '../kinesis/backoff';
import type { ExecutionContext, ExecutionResult, Hook, PlannedAction } from './hooks/hook';

export interface RetryOptions {
  readonly attempts: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/**
 * Executes a plan, retrying transient failures with capped exponential backoff and full jitter.
 * A permanent failure ends at once; so does the last attempt. Nothing here throws: an
 * unexpected error from a hook counts as transient.
 */
export async function executeWithRetries(hook: Hook, plan: PlannedAction, context: ExecutionContext, options: RetryOptions): Promise<{ result: ExecutionResult; attempts: number }> {
  let result: ExecutionResult = { kind: 'transient', error: 'not attempted' };
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) {
      await (options.sleep ?? sleepMs)(backoffDelayMs(attempt - 1, { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 5_000, random: options.random ?? Math.random }));
    }
    try {
      result = await hook.execute(plan, context);
    } catch (err) {
      result = { kind: 'transient', error: `${hook.name}: ${(err as Error).message}` };
    }
    if (result.kind !== 'transient') return { result, attempts: attempt };
  }
  return { result, attempts: options.attempts };
}
