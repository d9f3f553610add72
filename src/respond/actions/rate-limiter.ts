/** Fixed-window counters: at most `max` takes per key per window, shared by every respond worker. */
export interface RateLimiter {
  /** Counts one action against the key; false (and nothing counted) when the window is full. */
  take(key: string, max: number, windowMs: number, now: Date): Promise<boolean>;
}
