import type { CompiledRule, RuleSource } from '../../src/sigma';
import { compileRuleSources, formatProblem, RuleSet } from '../../src/sigma';
import type { EventMix } from './event-generator';
import { createEventGenerator } from './event-generator';
import type { NormalizedEvent } from './normalized-event';
import type { MatchTable } from './measure';
import { averageCandidates, firstDifference, heapUsedMb, isGcExposed, timeBruteForce, timeIndexed, timeMs } from './measure';
import type { BenchRow, Print } from './report';
import { formatFixed, formatInt, formatPercent, printEnvironment, printFigures, printStats, printTable } from './report';
import { generateRules } from './rule-generator';

export interface SyntheticOptions {
  readonly eventCount: number;
  readonly seed: number;
  readonly ruleCounts: readonly number[];
  /** Rule count at which the run is repeated without the index and the results compared. */
  readonly bruteForceAt: number;
  readonly print: Print;
}

export const DEFAULT_RULE_COUNTS = [100, 500, 2000, 5000] as const;
// Warm-up passes run over a slice of the events: enough for V8 to optimise the matchers, and it
// keeps the default run within its two-minute budget (brute force alone takes most of it).
const WARMUP_EVENTS = 3000;
const BRUTE_FORCE_WARMUP_EVENTS = 500;
// Evaluating every rule for every event is the slow reference: time and check it on a prefix.
const BRUTE_FORCE_EVENTS = 5000;

function describeEvents(print: Print, events: readonly NormalizedEvent[], mix: Readonly<EventMix>): void {
  const sizes = events.map((e) => JSON.stringify(e).length).sort((a, b) => a - b);
  const mean = sizes.reduce((sum, s) => sum + s, 0) / Math.max(sizes.length, 1);
  print(
    `events: ${formatInt(mix.total)} synthetic normalized events — Lambda application ${formatPercent(mix.lambdaApp, mix.total)}, ` +
      `Lambda platform ${formatPercent(mix.lambdaPlatform, mix.total)}, CloudTrail ${formatPercent(mix.cloudTrail, mix.total)}; ` +
      `attack-like ${formatPercent(mix.attacks, mix.total)}; JSON size median ${formatInt(sizes[Math.floor(sizes.length / 2)] ?? 0)} B, mean ${formatInt(mean)} B`,
  );
}

interface CountRun {
  readonly row: BenchRow;
  /** The brute-force row, for the run repeated without the index; undefined when its check failed. */
  readonly bruteForceRow?: BenchRow | undefined;
  readonly checkFailed: boolean;
}

/**
 * Compiles `sources`, measures them with the index and, when asked, without it; the rules are
 * dropped on return so the next run's heap baseline is clean.
 */
function runCount(print: Print, sources: readonly RuleSource[], events: readonly NormalizedEvent[], bruteForce: boolean): CountRun {
  const gc = isGcExposed();
  const baseline = heapUsedMb();
  const { value: collection, ms: compileMs } = timeMs(() => compileRuleSources(sources));
  const { value: ruleSet, ms: indexMs } = timeMs(() => new RuleSet(collection.rules));
  let heap = gc ? heapUsedMb() : undefined;
  print(`  compile    ${formatInt(compileMs)} ms for ${formatInt(collection.rules.length)} rules (+ ${formatInt(indexMs)} ms building the index), ${collection.problems.length} problems`);
  for (const problem of collection.problems.slice(0, 5)) print(`    ${formatProblem(problem)}`);
  printStats(print, ruleSet.stats());
  timeIndexed(ruleSet, events.slice(0, WARMUP_EVENTS)); // warm-up: let V8 optimise the matchers before the timed pass
  heap ??= heapUsedMb();
  print(`  heap       ${formatFixed(heap)} MB used after compile${gc ? ` (rules + index ${formatFixed(heap - baseline)} MB)` : ' (after warm-up)'}`);
  const indexed = timeIndexed(ruleSet, events, bruteForce);
  const candidates = averageCandidates(ruleSet, events);
  printFigures(print, 'evaluate', indexed.figures, candidates, collection.rules.length);
  const row = { label: formatInt(collection.rules.length), rules: collection.rules.length, compileMs: compileMs + indexMs, heapMb: heap, stats: ruleSet.stats(), figures: indexed.figures, evaluatedPerEvent: candidates };
  if (!bruteForce || indexed.table === undefined) return { row, checkFailed: false };
  const bruteForceRow = runBruteForce(print, events, collection.rules, indexed.table);
  return { row, bruteForceRow, checkFailed: bruteForceRow === undefined };
}

/** Runs the rule-count sweep; returns the process exit code (1 when the index check fails). */
export function runSyntheticSuite(options: SyntheticOptions): number {
  const { print, seed } = options;
  printEnvironment(print);
  if (!isGcExposed()) print('note: global.gc is not exposed, so heap figures are heapUsed after the warm-up pass (approximate); run `node --expose-gc dist/scripts/bench-detect.js` for exact ones');
  const generator = createEventGenerator(seed);
  const events = Array.from({ length: options.eventCount }, () => generator.next());
  describeEvents(print, events, generator.mix());
  const maxRules = Math.max(...options.ruleCounts, options.bruteForceAt);
  const { value: sources, ms: generateMs } = timeMs(() => generateRules(maxRules, seed));
  print(`rules: ${formatInt(maxRules)} synthetic Sigma rules generated in ${formatInt(generateMs)} ms (seed ${seed}); each run uses the first N`);

  const rows: BenchRow[] = [];
  for (const count of options.ruleCounts) {
    print('');
    print(`── ${formatInt(count)} rules ──`);
    const run = runCount(print, sources.slice(0, count), events, count === options.bruteForceAt);
    if (run.checkFailed) return 1;
    rows.push(run.row);
    if (run.bruteForceRow !== undefined) rows.push(run.bruteForceRow);
  }
  print('');
  printTable(print, rows);
  printRatios(print, rows);
  return 0;
}

/** Times evaluation without the index and checks it finds exactly what the index found. */
function runBruteForce(print: Print, events: readonly NormalizedEvent[], rules: readonly CompiledRule[], indexed: MatchTable): BenchRow | undefined {
  timeBruteForce(rules, events.slice(0, BRUTE_FORCE_WARMUP_EVENTS));
  const checked = events.slice(0, BRUTE_FORCE_EVENTS);
  const brute = timeBruteForce(rules, checked);
  printFigures(print, 'no index', brute.figures, rules.length, rules.length);
  const differs = firstDifference(indexed, brute.table);
  if (differs !== undefined) {
    const names = (t: MatchTable): string[] => (t[differs] ?? []).map((i) => rules[i]?.key ?? String(i));
    print(`index check FAILED at event ${differs}: indexed ${JSON.stringify(names(indexed))}, brute force ${JSON.stringify(names(brute.table))}`);
    print(`event ${differs}: ${JSON.stringify(events[differs])}`);
    return undefined;
  }
  print(`  index check: identical results for ${formatInt(checked.length)} events (brute force timed on them)`);
  return { label: `${formatInt(rules.length)} no index`, rules: rules.length, compileMs: undefined, heapMb: undefined, stats: undefined, figures: brute.figures, evaluatedPerEvent: rules.length };
}

function printRatios(print: Print, rows: readonly BenchRow[]): void {
  const withIndex = rows.filter((r) => r.stats !== undefined);
  const first = withIndex[0];
  const at2000 = withIndex.find((r) => r.rules === 2000) ?? withIndex[withIndex.length - 1];
  const noIndex = rows.find((r) => r.stats === undefined);
  if (first === undefined || at2000 === undefined || first === at2000) return;
  const ratio = (a: number, b: number): string => `×${formatFixed(a / b)}`;
  print('');
  print(
    `cost per event grows far slower than rule count: ${formatInt(first.rules)} → ${formatInt(at2000.rules)} rules is ${ratio(at2000.rules, first.rules)} rules but ` +
      `${ratio(at2000.figures.microsPerEvent, first.figures.microsPerEvent)} µs/event (${formatFixed(first.figures.microsPerEvent)} → ${formatFixed(at2000.figures.microsPerEvent)}) ` +
      `and ${ratio(at2000.evaluatedPerEvent, first.evaluatedPerEvent)} rules evaluated/event`,
  );
  if (noIndex !== undefined) {
    print(
      `without the index, ${formatInt(noIndex.rules)} rules cost ${formatFixed(noIndex.figures.microsPerEvent)} µs/event: ` +
        `the index makes evaluation ${ratio(noIndex.figures.microsPerEvent, at2000.figures.microsPerEvent)} faster`,
    );
  }
}
