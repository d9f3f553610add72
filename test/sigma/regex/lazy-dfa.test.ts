import { compileRegexWithEngine } from '../../../src/sigma/regex/compile-regex';
import { emptyStats } from '../../../src/sigma/regex/nfa-step';
import { seededRandom } from './random-patterns';

/** An "n-th character from the end is a" pattern: its DFA has 2^13 states. */
const EXPONENTIAL = '(?:a|b)*a(?:a|b){12}c';

function randomAb(seed: number, length: number): string {
  const random = seededRandom(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += random() < 0.5 ? 'a' : 'b';
  return out;
}

describe('sigma regex: lazy DFA cache', () => {
  it('reuses cached states across calls, so a repeated input builds nothing new', () => {
    const re = compileRegexWithEngine('foo\\d+bar');
    const first = emptyStats();
    re.testWithStats('xx foo123bar yy', first);
    const second = emptyStats();
    re.testWithStats('xx foo123bar yy', second);
    expect(first.dfaStatesBuilt).toBeGreaterThan(0);
    expect(second.dfaStatesBuilt).toBe(0);
    expect(second.nfaSteps).toBe(0);
  });

  it('clears the cache when its byte budget is exceeded and stays correct', () => {
    const re = compileRegexWithEngine(EXPONENTIAL, {}, { cacheBytes: 64 * 1024 });
    const input = `${randomAb(1, 3_000)}c`;
    const stats = emptyStats();
    expect(re.testWithStats(input, stats)).toBe(re.testWithNfa(input));
    expect(stats.dfaCacheClears).toBeGreaterThan(0);
    expect(re.dfa.stateCount).toBeLessThan(1_000);
  });

  it('falls back to the NFA simulation when the cache thrashes, with the same answers', () => {
    const re = compileRegexWithEngine(EXPONENTIAL, {}, { cacheBytes: 16 * 1024 });
    for (let seed = 1; seed <= 5; seed++) {
      const input = `${randomAb(seed, 20_000)}${seed % 2 === 0 ? 'c' : ''}`;
      const stats = emptyStats();
      const answer = re.testWithStats(input, stats);
      expect(answer).toBe(re.testWithNfa(input));
      expect(stats.usedNfaSimulation).toBe(true);
      expect(stats.nfaSteps).toBeLessThanOrEqual((input.length + 1) * re.programSize);
    }
  });

  it('keeps the DFA when states are reused enough, even with clears', () => {
    const re = compileRegexWithEngine('[a-z]+@[a-z]+\\.com');
    const stats = emptyStats();
    re.testWithStats(`${'user '.repeat(20_000)}bob@example.com`, stats);
    expect(stats.usedNfaSimulation).toBe(false);
    expect(stats.dfaCacheClears).toBe(0);
  });

  it('stops at the first character that rules out a match when anchored at the start', () => {
    const re = compileRegexWithEngine('^abc\\d');
    const stats = emptyStats();
    expect(re.testWithStats(`x${'abc1'.repeat(25_000)}`, stats)).toBe(false);
    expect(stats.nfaSteps).toBeLessThan(20);
  });

  it('stops as soon as a match is found, without reading the rest of the input', () => {
    const re = compileRegexWithEngine('ab+c');
    const stats = emptyStats();
    expect(re.testWithStats(`abbc${'x'.repeat(100_000)}`, stats)).toBe(true);
    expect(stats.dfaStatesBuilt).toBeLessThan(8);
  });
});
