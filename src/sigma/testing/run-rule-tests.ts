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
import type { RuleTestCase, RuleTestLog } from '../../schemas/rule-tests';
import { ruleTestFileSchema } from '../../schemas/rule-tests';

export interface RuleTestResult {
  readonly testFile: string;
  readonly name: string;
  readonly line: number | undefined;
  readonly passed: boolean;
  /** Why the case failed. */
  readonly message?: string;
}

/** Turns a test case's raw log line into the event the detector sees (the normalizer, in Logwarden). */
export type NormalizeTestLog = (log: RuleTestLog) => Record<string, unknown>;

export interface RuleTestOptions extends LoadOptions {
  /** Needed by cases that give a `log` instead of an `event`. */
  readonly normalizeLog?: NormalizeTestLog;
}

/** A rule whose cases never expect a match, or never expect no match: its tests prove little. */
export interface OneSidedRule {
  readonly file: string;
  readonly rule: string;
  readonly missing: 'match' | 'non-match';
}

export interface RuleTestReport {
  readonly ruleFiles: number;
  readonly testFiles: number;
  /** Rule files that have no tests file beside them. */
  readonly untested: readonly string[];
  readonly results: readonly RuleTestResult[];
  /** Rules or test files that could not be loaded. */
  readonly problems: readonly RuleProblem[];
  /** Tested rules lacking a case that must match, or one that must not. */
  readonly oneSided: readonly OneSidedRule[];
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
export async function runRuleTests(paths: readonly string[], options: RuleTestOptions = {}): Promise<RuleTestReport> {
  const ruleFiles = await collectRuleFiles(paths);
  const collection = await loadRules(ruleFiles, options);
  const problems: RuleProblem[] = [...collection.problems];
  const results: RuleTestResult[] = [];
  const untested: string[] = [];
  const oneSided: OneSidedRule[] = [];
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
    const expectations = new Map<CompiledRule, Set<boolean>>();
    for (const { testCase, line } of cases) {
      const rule = pickRule(rules, testCase);
      if (typeof rule !== 'string') expectations.set(rule, (expectations.get(rule) ?? new Set()).add(testCase.match));
      results.push(runCase(testFile, testCase, line, rule, options.normalizeLog));
    }
    if (cases.length === 0) continue;
    for (const rule of rules) {
      const seen = expectations.get(rule) ?? new Set<boolean>();
      const name = rule.title;
      if (!seen.has(true)) oneSided.push({ file: ruleFile, rule: name, missing: 'match' });
      if (!seen.has(false)) oneSided.push({ file: ruleFile, rule: name, missing: 'non-match' });
    }
  }
  return { ruleFiles: ruleFiles.length, testFiles, untested, results, problems, oneSided };
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

function runCase(testFile: string, testCase: RuleTestCase, line: number | undefined, rule: CompiledRule | string, normalizeLog: NormalizeTestLog | undefined): RuleTestResult {
  const base = { testFile, name: testCase.name, line };
  if (typeof rule === 'string') return { ...base, passed: false, message: rule };
  const event = eventOf(testCase, normalizeLog);
  if (typeof event === 'string') return { ...base, passed: false, message: event };
  // Through a RuleSet, so the literal index is exercised exactly as in production.
  const match = new RuleSet([rule]).evaluate(event)[0];
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

function eventOf(testCase: RuleTestCase, normalizeLog: NormalizeTestLog | undefined): Record<string, unknown> | string {
  if (testCase.event !== undefined) return testCase.event;
  if (testCase.log === undefined) return 'the case has neither event nor log';
  if (normalizeLog === undefined) return 'the case gives a raw log line, but no normalizer is configured for rule tests';
  return normalizeLog(testCase.log);
}
