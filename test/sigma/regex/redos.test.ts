import { compileRegexWithEngine } from '../../../src/sigma/regex/compile-regex';
import { emptyStats } from '../../../src/sigma/regex/nfa-step';

const SIZE = 100_000;

/** `count` lines of `length` characters: every line one short of what the pattern needs. */
function lines(length: number, count = Math.ceil(SIZE / (length + 1))): string {
  return `${'x'.repeat(length)}\n`.repeat(count);
}

/** Pattern, hostile near-miss input (no match), and a matching variant. */
const CASES: readonly (readonly [pattern: string, miss: string, hit: string])[] = [
  ['(a+)+$', `${'a'.repeat(SIZE)}b`, `${'a'.repeat(SIZE)}`],
  ['(a|a)*b', 'a'.repeat(SIZE), `${'a'.repeat(SIZE)}b`],
  ['(.*a){20}', `${'x'.repeat(SIZE)}${'a'.repeat(19)}`, `${'x'.repeat(SIZE)}${'a'.repeat(20)}`],
  ['(x+x+)+y', 'x'.repeat(SIZE), `${'x'.repeat(SIZE)}y`],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', `${'a'.repeat(SIZE)}!`, `${'a'.repeat(SIZE)}Ab`],
  ['.{150}', lines(149), `${lines(149)}${'y'.repeat(150)}`],
  ['(.){200,}', lines(199), `${lines(199)}${'y'.repeat(200)}`],
  ['.{1000,}', lines(999), `${lines(999)}${'y'.repeat(1000)}`],
];

describe('sigma regex: catastrophic-backtracking patterns run in linear time', () => {
  it.each(CASES)('answers %j correctly on hostile 100 KB inputs with bounded work', (pattern, miss, hit) => {
    const re = compileRegexWithEngine(pattern);
    for (const [input, expected] of [
      [miss, false],
      [hit, true],
    ] as const) {
      const stats = emptyStats();
      expect(re.testWithStats(input, stats)).toBe(expected);
      // Each character costs at most one NFA step (one visit per instruction) when the DFA
      // has to build a transition, and nothing when the transition is cached.
      expect(stats.nfaSteps).toBeLessThanOrEqual((input.length + 1) * re.programSize);
    }
  });

  it.each(CASES)('agrees with the plain NFA simulation on %j, which is bounded by input × program size', (pattern, miss) => {
    const re = compileRegexWithEngine(pattern);
    const input = miss.slice(-5_000);
    const stats = emptyStats();
    expect(re.testWithNfa(input, stats)).toBe(re.test(input));
    expect(stats.nfaSteps).toBeLessThanOrEqual((input.length + 1) * re.programSize);
  });

  it('builds few DFA states for hostile inputs and reuses them', () => {
    const re = compileRegexWithEngine('(a+)+$');
    const stats = emptyStats();
    re.testWithStats(`${'a'.repeat(SIZE)}b`, stats);
    expect(stats.dfaStatesBuilt).toBeLessThan(10);
    expect(stats.nfaSteps).toBeLessThan(1_000);
  });
});
