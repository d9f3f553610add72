import { findLimitViolation, KINESIS_LIMITS } from '../../src/kinesis/record-limits';
import { planRequestBatches } from '../../src/kinesis/request-batches';
import { isRetryableError } from '../../src/kinesis/retryable-error';

const MiB = 1024 * 1024;
const entry = (bytes: number, partitionKey = 'k'): { data: Uint8Array; partitionKey: string } => ({ data: new Uint8Array(bytes - Buffer.byteLength(partitionKey)), partitionKey });
const allIndices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('kinesis: request batches (B1)', () => {
  it('puts 500 entries in one request and the 501st in the next', () => {
    const entries = Array.from({ length: 501 }, () => entry(10));
    expect(planRequestBatches(entries, allIndices(501)).map((b) => b.length)).toEqual([500, 1]);
  });

  it('fills a request up to exactly 5 MiB, counting partition keys', () => {
    const entries = Array.from({ length: 6 }, () => entry(MiB));
    expect(planRequestBatches(entries, allIndices(6)).map((b) => b.length)).toEqual([5, 1]);
    // Ten half-MiB data blobs: with 1-byte keys they fill 5 MiB exactly; 2-byte keys tip it over.
    const halves = (key: string): { data: Uint8Array; partitionKey: string }[] => Array.from({ length: 10 }, () => ({ data: new Uint8Array(MiB / 2 - 1), partitionKey: key }));
    expect(planRequestBatches(halves('k'), allIndices(10)).map((b) => b.length)).toEqual([10]);
    expect(planRequestBatches(halves('kk'), allIndices(10)).map((b) => b.length)).toEqual([9, 1]);
  });

  it('keeps input order and skips indices not asked for', () => {
    const entries = Array.from({ length: 4 }, () => entry(10));
    expect(planRequestBatches(entries, [0, 2, 3])).toEqual([[0, 2, 3]]);
  });
});

describe('kinesis: record limits (B1)', () => {
  it('counts partition key length in characters, not UTF-16 units', () => {
    expect(findLimitViolation({ data: new Uint8Array(1), partitionKey: '🔑'.repeat(256) })).toBeUndefined();
    expect(findLimitViolation({ data: new Uint8Array(1), partitionKey: '🔑'.repeat(257) })?.reason).toBe('invalid-partition-key');
  });

  it('counts the partition key in UTF-8 bytes against the 1 MiB record limit', () => {
    expect(findLimitViolation({ data: new Uint8Array(KINESIS_LIMITS.maxRecordBytes - 2), partitionKey: 'é' })).toBeUndefined();
    expect(findLimitViolation({ data: new Uint8Array(KINESIS_LIMITS.maxRecordBytes - 1), partitionKey: 'é' })?.reason).toBe('record-too-large');
  });
});

describe('kinesis: retryable whole-call errors', () => {
  it('retries throttling, server errors and network failures', () => {
    expect(isRetryableError(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
  });

  it('does not retry client errors or programming errors', () => {
    expect(isRetryableError(Object.assign(new Error('x'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } }))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('x'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }))).toBe(false);
    expect(isRetryableError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isRetryableError('boom')).toBe(false);
  });
});
