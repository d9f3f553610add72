/**
 * Sigma detection benchmark (`npm run bench:detect [-- options]`). Single-threaded on purpose:
 * a detect Lambda evaluates a Kinesis batch on one core, so events/s per core is the figure.
 *
 * Without options: 20,000 seeded synthetic normalized events (Lambda application and platform
 * lines, CloudTrail records, ~1% attack-like content; scripts/bench/event-generator.ts) against
 * 100, 500, 2,000 and 5,000 seeded synthetic Sigma rules (scripts/bench/rule-generator.ts). For
 * each count: compile time, heap, index statistics, events/s and µs/event after a warm-up pass,
 * matches, and rules evaluated per event (from RuleSet.candidates, counted outside the timed
 * loop). At 2,000 rules the run is repeated with every rule evaluated for every event, and both
 * runs must report the same matches for every event (exit 1 with the first difference if not).
 *
 * With `--rules <dir>` (repeatable), `--pipeline <file>`…, `--events <file.ndjson>`, `--count N`:
 * benchmarks those rules. Rules that fail to load are counted, the first problems printed, and
 * the rest benchmarked. Events come from the NDJSON file if given; otherwise they are generated
 * over the field names the loaded rules use (keys of `rule.document.detection` items, split on
 * `|`), as flat keys, weighted by how often rules use each field. A value is a rule's own literal
 * placed as its modifier expects (matching path), that literal with one character changed (near
 * miss: the index proposes the rule, evaluation rejects it), or a random value shaped after the
 * field name; a few events also carry a rule keyword (scripts/bench/rule-field-events.ts).
 * Field names are taken as written in the rules, before any pipeline renames them.
 *
 * Heap figures need `node --expose-gc dist/scripts/bench-detect.js`; without it the script says
 * so and reports heapUsed after the warm-up pass.
 */
import { BenchUsageError, parseBenchOptions, USAGE } from './bench/bench-options';
import { runCorpusSuite } from './bench/corpus-suite';
import { DEFAULT_RULE_COUNTS, runSyntheticSuite } from './bench/synthetic-suite';

async function main(args: readonly string[]): Promise<number> {
  const options = parseBenchOptions(args);
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  if (options.help) {
    print(USAGE);
    return 0;
  }
  const started = process.hrtime.bigint();
  const code =
    options.rulePaths.length > 0
      ? await runCorpusSuite({ ...options, print })
      : runSyntheticSuite({ eventCount: options.eventCount, seed: options.seed, ruleCounts: DEFAULT_RULE_COUNTS, bruteForceAt: 2000, print });
  print(`benchmark finished in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof BenchUsageError) {
      process.stderr.write(`bench-detect: ${err.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`bench-detect: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
