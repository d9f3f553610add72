/** Tells a running mapping's loops to wind down, and cuts their pauses short when it does. */
export class StopSignal {
  private readonly controller = new AbortController();

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  stop(): void {
    this.controller.abort();
  }

  /** Resolves after `ms`, or as soon as the signal stops (never rejects). */
  sleep(ms: number): Promise<void> {
    const signal = this.controller.signal;
    if (signal.aborted || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
