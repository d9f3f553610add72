import { readFile } from 'node:fs/promises';
import type { ProcessingPipeline, RuleCollection } from '../../src/sigma';
import { collectRuleFiles, compileRuleSources, formatProblem, loadPipelineFile, RuleSet, SigmaRuleError } from '../../src/sigma';
import type { MatchTable } from './measure';
import { averageCandidates, firstDifference, heapUsedMb, isGcExposed, timeBruteForce, timeIndexed, timeMs } from './measure';
import { readNdjsonEvents } from './ndjson-events';
import type { BenchRow, Print } from './report';
import { formatFixed, formatInt, printEnvironment, printFigures, printStats, printTable } from './report';
import { generateRuleFieldEvents } from './rule-field-events';
import { collectRuleFields } from './rule-fields';

export interface CorpusOptions {
  readonly rulePaths: readonly string[];
  readonly pipelineFiles: readonly string[];
  readonly eventsFile: string | undefined;
  readonly eventCount: number;
  readonly seed: number;
  readonly print: Print;
}

const SHOWN_PROBLEMS = 5;
// Brute force costs (rules × events); this many events suffice to compare it with the index.
const BRUTE_FORCE_EVENTS = 2000;

async function loadPipelines(files: readonly string[], print: Print): Promise<ProcessingPipeline[] | undefined> {
  try {
    return await Promise.all(files.map((f) => loadPipelineFile(f)));
  } catch (err) {
    if (!(err instanceof SigmaRuleError)) throw err;
    for (const p of err.problems) print(formatProblem(p));
    return undefined;
  }
}

function reportProblems(print: Print, collection: RuleCollection): void {
  if (collection.problems.length === 0) return;
  print(`  problems   ${formatInt(collection.problems.length)} in ${formatInt(collection.invalidFiles.size)} files (those rules are skipped); first ${Math.min(SHOWN_PROBLEMS, collection.problems.length)}:`);
  for (const problem of collection.problems.slice(0, SHOWN_PROBLEMS)) print(`    ${formatProblem(problem)}`);
}

async function loadEvents(options: CorpusOptions, collection: RuleCollection): Promise<unknown[]> {
  const { print } = options;
  if (options.eventsFile !== undefined) {
    const { events, badLines } = await readNdjsonEvents(options.eventsFile, options.eventCount);
    print(`events: ${formatInt(events.length)} read from ${options.eventsFile}${badLines.length > 0 ? `; ${badLines.length} lines skipped (not JSON objects), first at line ${badLines[0]}` : ''}`);
    return events;
  }
  const vocabulary = collectRuleFields(collection.rules.map((r) => r.document.detection));
  const events = generateRuleFieldEvents(vocabulary, options.eventCount, options.seed);
  const top = vocabulary.fields.slice(0, 8).map((f) => f.name).join(', ');
  print(`events: ${formatInt(events.length)} generated over the ${formatInt(vocabulary.fields.length)} fields the rules use (most used: ${top}), seed ${options.seed}`);
  return events;
}

/** The rules that match most often: broad rules (e.g. `condition: not selection`) dominate match counts. */
function printFrequentMatches(print: Print, collection: RuleCollection, table: MatchTable): void {
  const counts = new Map<number, number>();
  for (const row of table) for (const rule of row) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  if (top.length === 0) return;
  print(`  most matched (first ${formatInt(table.length)} events): ${top.map(([rule, n]) => `${collection.rules[rule]?.source.file ?? rule} ×${formatInt(n)}`).join(', ')}`);
}

/** Benchmarks a rule directory; returns the exit code (2: unusable input, 1: index check failed). */
export async function runCorpusSuite(options: CorpusOptions): Promise<number> {
  const { print } = options;
  printEnvironment(print);
  const gc = isGcExposed();
  if (!gc) print('note: global.gc is not exposed, so the heap figure is heapUsed after the warm-up pass (approximate); run with `node --expose-gc` for an exact one');
  const pipelines = await loadPipelines(options.pipelineFiles, print);
  if (pipelines === undefined) return 2;
  let sources: { file: string; text: string }[];
  try {
    const files = await collectRuleFiles(options.rulePaths);
    sources = await Promise.all(files.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
  } catch (err) {
    print(`cannot read rules: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const baseline = heapUsedMb();
  const { value: collection, ms: compileMs } = timeMs(() => compileRuleSources(sources, { pipelines }));
  const { value: ruleSet, ms: indexMs } = timeMs(() => new RuleSet(collection.rules));
  let heap = gc ? heapUsedMb() : undefined;
  print(`rules: ${options.rulePaths.join(', ')}${pipelines.length > 0 ? ` with pipelines ${options.pipelineFiles.join(', ')}` : ''}`);
  print(`  compile    ${formatInt(compileMs)} ms: ${formatInt(collection.rules.length)} rules from ${formatInt(sources.length)} files (+ ${formatInt(indexMs)} ms building the index)`);
  reportProblems(print, collection);
  printStats(print, ruleSet.stats());
  const events = await loadEvents(options, collection);
  if (events.length === 0) {
    print('no events to evaluate');
    return 2;
  }
  timeIndexed(ruleSet, events); // warm-up pass
  heap ??= heapUsedMb();
  print(`  heap       ${formatFixed(heap)} MB used after compile${gc ? ` (rules + index ${formatFixed(heap - baseline)} MB)` : ' (after warm-up)'}`);
  const indexed = timeIndexed(ruleSet, events);
  const candidates = averageCandidates(ruleSet, events);
  printFigures(print, 'evaluate', indexed.figures, candidates, collection.rules.length);
  const rows: BenchRow[] = [
    { label: formatInt(collection.rules.length), rules: collection.rules.length, compileMs: compileMs + indexMs, heapMb: heap, stats: ruleSet.stats(), figures: indexed.figures, evaluatedPerEvent: candidates },
  ];

  const sample = events.slice(0, BRUTE_FORCE_EVENTS);
  const sampleIndexed = timeIndexed(ruleSet, sample, true);
  timeBruteForce(collection.rules, sample.slice(0, 200)); // warm-up
  const brute = timeBruteForce(collection.rules, sample);
  printFigures(print, 'no index', brute.figures, collection.rules.length, collection.rules.length);
  const differs = firstDifference(sampleIndexed.table ?? [], brute.table);
  if (differs !== undefined) {
    print(`index check FAILED at event ${differs}: ${JSON.stringify(sample[differs])}`);
    return 1;
  }
  print(`  index check: identical results for ${formatInt(sample.length)} events`);
  printFrequentMatches(print, collection, brute.table);
  rows.push({ label: `${formatInt(collection.rules.length)} no index`, rules: collection.rules.length, compileMs: undefined, heapMb: undefined, stats: undefined, figures: brute.figures, evaluatedPerEvent: collection.rules.length });
  print('');
  printTable(print, rows);
  print(`the index makes evaluation ×${formatFixed(brute.figures.microsPerEvent / indexed.figures.microsPerEvent)} faster (brute force timed on the first ${formatInt(sample.length)} events)`);
  return 0;
}
