import { formatProblem } from '../../sigma';
import { createTestLogNormalizer } from '../../normalize/normalize-test-log';
import { runRuleTests } from '../../sigma/testing/run-rule-tests';
import type { CliIo } from '../io';
import { EXIT } from '../io';
import { loadPipelines, pipelineFilesFor } from '../load-cli-rules';

export interface RulesTestOptions {
  readonly pipeline: readonly string[];
  readonly requireTests: boolean;
  readonly json: boolean;
}

/** `logwarden rules test [<file|dir>…]`: runs the `.tests.yml` files beside rules; non-zero exit on any failure. */
export async function rulesTest(paths: readonly string[], options: RulesTestOptions, io: CliIo): Promise<number> {
  const targets = paths.length > 0 ? paths : ['detections'];
  const pipelines = await loadPipelines(await pipelineFilesFor(targets, options.pipeline));
  const report = await runRuleTests(targets, { pipelines, normalizeLog: createTestLogNormalizer() });
  const failed = report.results.filter((r) => !r.passed);
  const missing = options.requireTests ? report.untested : [];
  // With --require-tests, a rule must also be shown both to match and not to match.
  const oneSided = options.requireTests ? report.oneSided : [];
  const ok = failed.length === 0 && report.problems.length === 0 && missing.length === 0 && oneSided.length === 0;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ...report, passed: report.results.length - failed.length, failed: failed.length, ok })}\n`);
    return ok ? EXIT.ok : EXIT.failed;
  }
  for (const p of report.problems) io.stdout.write(`${formatProblem(p)}\n`);
  for (const r of failed) io.stdout.write(`FAIL ${r.testFile}${r.line === undefined ? '' : `:${r.line}`}: ${r.name}: ${r.message}\n`);
  for (const f of missing) io.stdout.write(`MISSING ${f}: no tests file beside the rule\n`);
  for (const o of oneSided) io.stdout.write(`MISSING ${o.file}: '${o.rule}' has no case that ${o.missing === 'match' ? 'must match' : 'must not match'}\n`);
  if (report.untested.length > 0 && !options.requireTests) io.stdout.write(`note: ${report.untested.length} rule file(s) have no tests file\n`);
  io.stdout.write(`${report.testFiles} test file(s), ${report.results.length} case(s): ${report.results.length - failed.length} passed, ${failed.length} failed\n`);
  return ok ? EXIT.ok : EXIT.failed;
}
