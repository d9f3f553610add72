/**
 * Kinesis sequence numbers are decimal strings of up to 128 digits, far beyond 2^53, so they
 * are compared as BigInt, never as JavaScript numbers (reference A2; GetShardIterator API).
 */
const DECIMAL_DIGITS = /^\d{1,128}$/;

/** True when `value` has the shape of a Kinesis sequence number. */
export function isSequenceNumber(value: string): boolean {
  return DECIMAL_DIGITS.test(value);
}

/** Orders two sequence numbers: negative when a < b, zero when equal, positive when a > b. */
export function compareSequenceNumbers(a: string, b: string): -1 | 0 | 1 {
  const left = toBigInt(a);
  const right = toBigInt(b);
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function toBigInt(value: string): bigint {
  if (!isSequenceNumber(value)) throw new RangeError(`not a Kinesis sequence number: ${JSON.stringify(value)}`);
  return BigInt(value);
}
