import type { SamplePrng } from './prng';

/**
 * CloudWatch Logs event ids are 56-digit decimal strings whose high bits are the event's
 * timestamp in milliseconds, shifted left by 144 bits (the id of the CloudWatch guide's example,
 * 31953106606966983378809025079804211143289615424298221568, is 1432826855000 << 144 plus low
 * bits), and events of one delivery count up by one in the lowest bits. Here the low bits are a
 * random token per log stream and a counter, so ids are unique and still sort by time.
 */
export class EventIdSource {
  private readonly token: bigint;
  private counter = 0n;

  constructor(prng: SamplePrng) {
    // 112 random bits between the timestamp and the 32-bit counter.
    let token = 0n;
    for (let i = 0; i < 4; i++) token = (token << 28n) | BigInt(prng.uint32() >>> 4);
    this.token = token;
  }

  next(timestamp: number): string {
    const id = (BigInt(timestamp) << 144n) | (this.token << 32n) | this.counter;
    this.counter++;
    return id.toString().padStart(56, '0');
  }
}
