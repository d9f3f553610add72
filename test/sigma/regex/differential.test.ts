import { compileRegexWithEngine } from '../../../src/sigma/regex/compile-regex';
import { randomInput, randomPattern, ReferenceRegex, seededRandom } from './random-patterns';

const PATTERNS = 2500;
const INPUTS_PER_PATTERN = 8;

describe('sigma regex: agreement with V8 RegExp on random patterns', () => {
  it('gives the same answer as RegExp (u flag) and as the plain NFA simulation for every generated case', () => {
    const mismatches: string[] = [];
    let matched = 0;
    let total = 0;
    for (let seed = 1; seed <= PATTERNS; seed++) {
      const random = seededRandom(seed);
      const options = { ignoreCase: random() < 0.3, multiline: random() < 0.3, dotAll: random() < 0.3 };
      const pair = randomPattern(random, options);
      const ours = compileRegexWithEngine(pair.pcre, options);
      const reference = new ReferenceRegex(pair.js, options.ignoreCase ? 'ui' : 'u');
      for (let k = 0; k < INPUTS_PER_PATTERN; k++) {
        const input = randomInput(random);
        const expected = reference.test(input);
        const dfa = ours.test(input);
        const nfa = ours.testWithNfa(input);
        total++;
        if (expected) matched++;
        if (dfa !== expected || nfa !== expected) {
          mismatches.push(`seed ${seed} ${JSON.stringify(options)} /${pair.pcre}/ on ${JSON.stringify(input)}: RegExp ${expected}, DFA ${dfa}, NFA ${nfa}`);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The generator must exercise both outcomes, or the comparison proves little.
    expect(matched / total).toBeGreaterThan(0.2);
    expect(matched / total).toBeLessThan(0.8);
  });

  it('produces the same patterns for the same seed', () => {
    const a = randomPattern(seededRandom(42), { ignoreCase: false, multiline: false, dotAll: false });
    const b = randomPattern(seededRandom(42), { ignoreCase: false, multiline: false, dotAll: false });
    expect(a).toEqual(b);
  });
});
