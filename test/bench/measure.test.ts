import { compileRuleSources, RuleSet } from '../../src/sigma';
import { generateEvents } from '../../scripts/bench/event-generator';
import { firstDifference, timeBruteForce, timeIndexed } from '../../scripts/bench/measure';
import { generateRules } from '../../scripts/bench/rule-generator';
import { parseBenchOptions } from '../../scripts/bench/bench-options';

describe('bench: measuring', () => {
  it('finds the same matches with and without the index', () => {
    const rules = compileRuleSources(generateRules(60, 3)).rules;
    const events = generateEvents(300, 3, { attackRate: 0.2 });
    const indexed = timeIndexed(new RuleSet(rules), events, true);
    const brute = timeBruteForce(rules, events);
    expect(brute.figures.matches).toBeGreaterThan(0);
    expect(firstDifference(indexed.table ?? [], brute.table)).toBeUndefined();
    expect(indexed.figures.matches).toBe(brute.figures.matches);
  });

  it('reports the first event whose matches differ', () => {
    expect(firstDifference([[], [1, 2], [3]], [[], [1, 2], [4]])).toBe(2);
    // Only events both passes saw are compared (brute force may time a prefix).
    expect(firstDifference([[0]], [[0], [1]])).toBeUndefined();
    expect(firstDifference([[0], [2], [5]], [[0], [1]])).toBe(1);
  });
});

describe('bench: options', () => {
  it('defaults to the synthetic run', () => {
    expect(parseBenchOptions([])).toMatchObject({ rulePaths: [], eventCount: 20000, help: false });
  });

  it('accepts repeated --rules and --pipeline', () => {
    const options = parseBenchOptions(['--rules', 'a', '--rules', 'b', '--pipeline', 'p.yml', '--events', 'e.ndjson', '--count', '50']);
    expect(options).toMatchObject({ rulePaths: ['a', 'b'], pipelineFiles: ['p.yml'], eventsFile: 'e.ndjson', eventCount: 50 });
  });

  it('rejects unknown options, bad counts and --events without --rules', () => {
    expect(() => parseBenchOptions(['--nope'])).toThrow(/Unknown option/);
    expect(() => parseBenchOptions(['--count', '0'])).toThrow(/positive integer/);
    expect(() => parseBenchOptions(['--events', 'e.ndjson'])).toThrow(/--rules/);
  });
});
