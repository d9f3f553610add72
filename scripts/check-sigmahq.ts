/**
 * Checks the engine against a local checkout of the public SigmaHQ rule repository (never
 * committed here): every rule folder must load, and every positive sample of its regression
 * data must match the rule it was recorded for.
 *
 *   npm run check:sigmahq -- /path/to/sigma [--pipeline vars.yml]…
 *
 * Rules with `|expand` placeholders load only when a pipeline gives the placeholders values.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { collectRuleFiles, compileRuleSources, formatProblem, loadPipelineFile, loadRules, RuleSet } from '../src/sigma';
import type { ProcessingPipeline } from '../src/sigma';
import { flattenWindowsEvent, splitJsonObjects } from './sigmahq/windows-event-json';

const RULE_FOLDERS = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-placeholder', 'rules-compliance', 'rules-dfir'];

interface RegressionInfo {
  rule_metadata?: { id: string; title?: string }[];
  regression_tests_info?: { name?: string; type?: string; path: string }[];
}

async function main(root: string, pipelineFiles: readonly string[]): Promise<number> {
  const folders = RULE_FOLDERS.map((f) => path.join(root, f)).filter((f) => existsSync(f));
  const pipelines: ProcessingPipeline[] = await Promise.all(pipelineFiles.map((f) => loadPipelineFile(f)));
  const started = Date.now();
  const collection = await loadRules(folders, { pipelines });
  const reasons = new Map<string, number>();
  for (const p of collection.problems) {
    const reason = p.message.replace(/'[^']*'|%[^%]+%/g, '…');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  console.log(`rules: ${collection.files.length} files, ${collection.rules.length} rules loaded, ${collection.invalidFiles.size} files rejected (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const [reason, count] of reasons) console.log(`  ${count} × ${reason}`);
  for (const p of collection.problems.slice(0, 50)) console.log(`  ${formatProblem(p)}`);

  const ruleFileById = new Map<string, string>();
  for (const rule of collection.rules) if (rule.id !== undefined) ruleFileById.set(rule.id, rule.source.file);
  const infos = await collectRuleFiles([path.join(root, 'regression_data')]);
  let passed = 0;
  const failures: string[] = [];
  for (const infoFile of infos.filter((f) => path.basename(f) === 'info.yml')) {
    const info = parse(readFileSync(infoFile, 'utf8')) as RegressionInfo;
    for (const meta of info.rule_metadata ?? []) {
      const ruleFile = ruleFileById.get(meta.id);
      if (ruleFile === undefined) continue; // rule rejected above (reported there)
      const rules = compileRuleSources([{ file: ruleFile, text: readFileSync(ruleFile, 'utf8') }], { pipelines }).rules;
      const set = new RuleSet(rules);
      for (const test of info.regression_tests_info ?? []) {
        const sample = path.join(root, test.path.replace(/\.evtx$/, '.json'));
        if (!existsSync(sample)) continue;
        const events = splitJsonObjects(readFileSync(sample, 'utf8')).map(flattenWindowsEvent);
        if (events.some((e) => set.evaluate(e).length > 0)) passed++;
        else failures.push(`${path.relative(root, ruleFile)} did not match ${path.relative(root, sample)}`);
      }
    }
  }
  console.log(`regression data: ${passed} of ${passed + failures.length} positive samples matched`);
  for (const f of failures) console.log(`  ${f}`);
  return 0;
}

const args = process.argv.slice(2);
const pipelineFiles = args.flatMap((a, i) => (args[i - 1] === '--pipeline' ? [a] : []));
const root = args.find((a, i) => a !== '--pipeline' && args[i - 1] !== '--pipeline');
if (root === undefined) {
  console.error('usage: npm run check:sigmahq -- <path to a SigmaHQ/sigma checkout> [--pipeline <file>]…');
  process.exit(2);
}
main(root, pipelineFiles).then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
