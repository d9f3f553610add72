export interface WaitOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Called about once a second while waiting, with the time waited so far. */
  readonly onProgress?: (elapsedMs: number) => void;
}

export type WaitOutcome = { readonly ready: true; readonly elapsedMs: number } | { readonly ready: false; readonly elapsedMs: number; readonly reason: string };

/**
 * Polls `check` until it reports ready, it reports a fatal reason (a string), or time runs out.
 * The check returns true (ready), false (not yet) or a string (give up now, with why).
 */
export async function waitUntil(check: () => Promise<boolean | string>, options: WaitOptions): Promise<WaitOutcome> {
  const started = Date.now();
  let lastProgress = started;
  for (;;) {
    const result = await check();
    const elapsedMs = Date.now() - started;
    if (result === true) return { ready: true, elapsedMs };
    if (typeof result === 'string') return { ready: false, elapsedMs, reason: result };
    if (elapsedMs >= options.timeoutMs) return { ready: false, elapsedMs, reason: `not ready after ${(elapsedMs / 1000).toFixed(1)} s` };
    if (Date.now() - lastProgress >= 1_000) {
      lastProgress = Date.now();
      options.onProgress?.(elapsedMs);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}
