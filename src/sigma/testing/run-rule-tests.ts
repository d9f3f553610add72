import { access, readFile } from 'node:fs/promises';
import type { CompiledRule } from '../compile/compiled-rule';
import { RuleSet } from '../engine/rule-set';
import { collectRuleFiles } from '../load/collect-rule-files';
import type { LoadOptions } from '../load/load-rules';
import { loadRules } from '../load/load-rules';
import type { RuleProblem } from '../problems';
import { ProblemCollector } from '../problems';
import { reportZodIssues } from '../load/zod-problems';
import { parseYamlDocuments } from '../yaml/parse-yaml-documents';
import type { RuleTestCase } from '../../schemas/rule-tests';
import { ruleTestFileSchema } from '../../schemas/rule-tests';

export interface RuleTestResult {
  readonly testFile: string;
  readonly name: string;
  readonly line: number | undefined;
  readonly passed: boolean;
  /** Why the case failed. */
  readonly message?: string;
}

export interface RuleTestReport {
  readonly ruleFiles: number;
  readonly testFiles: number;
  /** Rule files that have no tests file beside them. */
  readonly untested: readonly string[];
  readonly results: readonly RuleTestResult[];
  /** Rules or test files that could not be loaded. */
  readonly problems: readonly RuleProblem[];
}

/** `rules/x.yml` → `rules/x.tests.yml` (or `.tests.yaml`). */
export async function findTestFile(ruleFile: string): Promise<string | undefined> {
  const base = ruleFile.replace(/\.ya?ml$/i, '');
  for (const candidate of [`${base}.tests.yml`, `${base}.tests.yaml`]) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not there: try the next spelling
    }
  }
  return undefined;
}

/** Runs the test files beside the rules under `paths`. */
export async function runRuleTests(paths: readonly string[], options: LoadOptions = {}): Promise<RuleTestReport> {
  const ruleFiles = await collectRuleFiles(paths);
  const collection = await loadRules(ruleFiles, options);
  const problems: RuleProblem[] = [...collection.problems];
  const results: RuleTestResult[] = [];
  const untested: string[] = [];
  let testFiles = 0;
  for (const ruleFile of ruleFiles) {
    const testFile = await findTestFile(ruleFile);
    const rules = collection.rules.filter((r) => r.source.file === ruleFile);
    if (testFile === undefined) {
      if (rules.length > 0) untested.push(ruleFile);
      continue;
    }
    testFiles++;
    if (collection.invalidFiles.has(ruleFile)) continue; // its problems are reported already
    const cases = await readCases(testFile, problems);
    for (const { testCase, line } of cases) results.push(runCase(testFile, testCase, line, rules));
  }
  return { ruleFiles: ruleFiles.length, testFiles, untested, results, problems };
}

async function readCases(testFile: string, problems: RuleProblem[]): Promise<{ testCase: RuleTestCase; line: number | undefined }[]> {
  const yaml = parseYamlDocuments(await readFile(testFile, 'utf8'));
  problems.push(...yaml.problems.map((p) => ({ file: testFile, line: p.line, field: '', message: p.message })));
  const doc = yaml.documents[0];
  if (doc === undefined) {
    if (yaml.problems.length === 0) problems.push({ file: testFile, line: 1, field: '', message: 'test file is empty' });
    return [];
  }
  const collector = new ProblemCollector(testFile, doc.lineOf);
  const parsed = ruleTestFileSchema.safeParse(doc.value);
  if (!parsed.success) {
    reportZodIssues(parsed.error, [], collector, doc.value);
    problems.push(...collector.problems);
    return [];
  }
  return parsed.data.map((testCase, i) => ({ testCase, line: doc.lineOf([i]) }));
}

function pickRule(rules: readonly CompiledRule[], testCase: RuleTestCase): CompiledRule | string {
  if (testCase.rule !== undefined) {
    const wanted = testCase.rule;
    const found = rules.find((r) => r.id === wanted || r.name === wanted || r.title === wanted);
    return found ?? `no rule '${wanted}' in the rule file`;
  }
  if (rules.length === 1) return rules[0] as CompiledRule;
  return rules.length === 0 ? 'the rule file holds no detection rule' : `the rule file holds ${rules.length} rules: name one with 'rule:'`;
}

function runCase(testFile: string, testCase: RuleTestCase, line: number | undefined, rules: readonly CompiledRule[]): RuleTestResult {
  const base = { testFile, name: testCase.name, line };
  const rule = pickRule(rules, testCase);
  if (typeof rule === 'string') return { ...base, passed: false, message: rule };
  // Through a RuleSet, so the literal index is exercised exactly as in production.
  const match = new RuleSet([rule]).evaluate(testCase.event)[0];
  if ((match !== undefined) !== testCase.match) {
    return { ...base, passed: false, message: testCase.match ? 'expected a match, got none' : `expected no match, but it matched (${match?.selections.join(', ')})` };
  }
  if (match !== undefined && testCase.selections !== undefined) {
    const expected = [...testCase.selections].sort().join(', ');
    const actual = [...match.selections].sort().join(', ');
    if (expected !== actual) return { ...base, passed: false, message: `expected selections [${expected}], got [${actual}]` };
  }
  return { ...base, passed: true };
}
