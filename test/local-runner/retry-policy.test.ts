import { countFailure, isRetryExhausted, retryDelayMs } from '../../src/local-runner/retry-policy';

describe('local runner: retry accounting (MaximumRetryAttempts)', () => {
  it('counts a first failure at a record as attempt 1', () => {
    expect(countFailure(undefined, '100')).toEqual({ sequenceNumber: '100', attempts: 1 });
  });

  it('adds an attempt when the retried batch fails at the same record again', () => {
    expect(countFailure({ sequenceNumber: '100', attempts: 2 }, '100')).toEqual({ sequenceNumber: '100', attempts: 3 });
  });

  it('starts a new count when the retried batch gets further and fails at a later record', () => {
    expect(countFailure({ sequenceNumber: '100', attempts: 2 }, '105')).toEqual({ sequenceNumber: '105', attempts: 1 });
  });

  it('gives up after 1 + maximumRetryAttempts failed deliveries', () => {
    expect(isRetryExhausted({ sequenceNumber: '1', attempts: 2 }, 2)).toBe(false);
    expect(isRetryExhausted({ sequenceNumber: '1', attempts: 3 }, 2)).toBe(true);
  });

  it('gives up at the first failure when retries are off (0)', () => {
    expect(isRetryExhausted({ sequenceNumber: '1', attempts: 1 }, 0)).toBe(true);
  });

  it('never gives up with -1, the Lambda default', () => {
    expect(isRetryExhausted({ sequenceNumber: '1', attempts: 10_000 }, -1)).toBe(false);
  });

  it('backs off exponentially up to the cap, and not at all when the base delay is 0', () => {
    const top = { retryBaseDelayMs: 100, retryMaxDelayMs: 1_000, random: () => 0.999 };
    expect([1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, top))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelayMs(3, { retryBaseDelayMs: 0, retryMaxDelayMs: 1_000 })).toBe(0);
  });
});
