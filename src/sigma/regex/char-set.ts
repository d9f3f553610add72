/**
 * An immutable set of Unicode code points stored as sorted, disjoint, non-adjacent inclusive
 * ranges [lo0, hi0, lo1, hi1, …]. Every character test in the engine (literals, classes, `.`)
 * is one of these, which lets the compiler partition the alphabet into a few symbol classes.
 */
export const MAX_CODE_POINT = 0x10ffff;

export class CharSet {
  private constructor(readonly ranges: readonly number[]) {}

  static readonly EMPTY = new CharSet([]);
  static readonly ANY = new CharSet([0, MAX_CODE_POINT]);

  static of(...codePoints: readonly number[]): CharSet {
    return CharSet.fromRanges(codePoints.flatMap((cp) => [cp, cp]));
  }

  static range(lo: number, hi: number): CharSet {
    return CharSet.fromRanges([lo, hi]);
  }

  /** Normalises arbitrary (unsorted, overlapping) inclusive pairs. */
  static fromRanges(pairs: readonly number[]): CharSet {
    const order: [number, number][] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) order.push([pairs[i] as number, pairs[i + 1] as number]);
    order.sort((a, b) => a[0] - b[0]);
    const out: number[] = [];
    for (const [lo, hi] of order) {
      const last = out.length - 1;
      if (last > 0 && lo <= (out[last] as number) + 1) {
        out[last] = Math.max(out[last] as number, hi);
      } else {
        out.push(lo, hi);
      }
    }
    return new CharSet(out);
  }

  union(other: CharSet): CharSet {
    if (other.ranges.length === 0) return this;
    if (this.ranges.length === 0) return other;
    return CharSet.fromRanges([...this.ranges, ...other.ranges]);
  }

  negate(): CharSet {
    const out: number[] = [];
    let next = 0;
    for (let i = 0; i < this.ranges.length; i += 2) {
      const lo = this.ranges[i] as number;
      if (lo > next) out.push(next, lo - 1);
      next = (this.ranges[i + 1] as number) + 1;
    }
    if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
    return new CharSet(out);
  }

  contains(cp: number): boolean {
    // Binary search over range pairs.
    let lo = 0;
    let hi = this.ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < (this.ranges[2 * mid] as number)) hi = mid - 1;
      else if (cp > (this.ranges[2 * mid + 1] as number)) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Number of code points in the set. */
  get size(): number {
    let n = 0;
    for (let i = 0; i < this.ranges.length; i += 2) n += (this.ranges[i + 1] as number) - (this.ranges[i] as number) + 1;
    return n;
  }

  /** The members, for small sets only (literal extraction). */
  codePoints(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.ranges.length; i += 2) {
      for (let cp = this.ranges[i] as number; cp <= (this.ranges[i + 1] as number); cp++) out.push(cp);
    }
    return out;
  }

  private cachedKey: string | undefined;

  /** Identity for de-duplicating equal sets. */
  get key(): string {
    this.cachedKey ??= this.ranges.join(',');
    return this.cachedKey;
  }
}
