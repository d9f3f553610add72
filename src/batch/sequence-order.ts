/** Kinesis sequence numbers are decimal strings beyond 2^53: compare them as big integers. */
export function compareSequence(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
