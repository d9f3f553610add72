import { readFile } from 'node:fs/promises';
import type { CompiledRule } from '../compile/compiled-rule';
import { compileRule } from '../compile/compile-rule';
import type { ProcessingPipeline } from '../pipelines';
import { applyPipelines } from '../pipelines';
import type { RuleProblem } from '../problems';
import { ProblemCollector } from '../problems';
import type { ParsedRule } from '../rule/parsed-rule';
import { applyFilters } from './apply-filters';
import { collectRuleFiles } from './collect-rule-files';
import type { ParsedCorrelation, ParsedFilter } from './parsed-documents';
import { parseRuleFile } from './parse-rule-file';
import { checkCorrelationReferences } from './check-correlations';

export interface RuleSource {
  readonly file: string;
  readonly text: string;
}

export interface LoadOptions {
  readonly pipelines?: readonly ProcessingPipeline[];
}

/** Everything loaded from a set of rule files, and every problem found on the way. */
export interface RuleCollection {
  readonly rules: readonly CompiledRule[];
  readonly correlations: readonly ParsedCorrelation[];
  readonly filters: readonly ParsedFilter[];
  readonly problems: readonly RuleProblem[];
  readonly files: readonly string[];
  /** Files with at least one problem. */
  readonly invalidFiles: ReadonlySet<string>;
}

/** Parses, validates and compiles rule sources held in memory (the build-time bundle uses this too). */
export function compileRuleSources(sources: readonly RuleSource[], options: LoadOptions = {}): RuleCollection {
  const problems: RuleProblem[] = [];
  const parsedRules: ParsedRule[] = [];
  const correlations: ParsedCorrelation[] = [];
  const filters: ParsedFilter[] = [];
  for (const source of sources) {
    const parsed = parseRuleFile(source.text, source.file);
    problems.push(...parsed.problems);
    parsedRules.push(...parsed.rules);
    correlations.push(...parsed.correlations);
    filters.push(...parsed.filters);
  }
  const pipelines = options.pipelines ?? [];
  const validFilters = filters.filter((f) => validateFilter(f, pipelines, problems));
  const rules: CompiledRule[] = [];
  const seen = new Map<string, CompiledRule>();
  for (const parsed of parsedRules) {
    const { rule: filtered, applied } = applyFilters(parsed, validFilters);
    const collector = new ProblemCollector(parsed.file, parsed.lineOf);
    const processed = applyPipelines(filtered, pipelines);
    problems.push(...processed.problems);
    const compiled = processed.problems.length === 0 ? compileRule(processed.rule, processed.placeholders, collector) : undefined;
    problems.push(...collector.problems);
    if (compiled === undefined) continue;
    const duplicate = seen.get(compiled.key);
    if (duplicate !== undefined) {
      problems.push({ file: parsed.file, line: parsed.lineOf(['id']), field: 'id', message: `duplicate rule id ${compiled.key}, also used by ${duplicate.source.file}:${duplicate.source.line}` });
      continue;
    }
    const rule = applied.length === 0 ? compiled : Object.freeze({ ...compiled, filters: Object.freeze(applied) });
    seen.set(rule.key, rule);
    rules.push(rule);
  }
  problems.push(...checkCorrelationReferences(correlations, parsedRules));
  return {
    rules,
    correlations,
    filters: validFilters,
    problems,
    files: sources.map((s) => s.file),
    invalidFiles: new Set(problems.map((p) => p.file)),
  };
}

/** A filter is compiled on its own first, so its problems are reported against its own file. */
function validateFilter(filter: ParsedFilter, pipelines: readonly ProcessingPipeline[], problems: RuleProblem[]): boolean {
  const asRule: ParsedRule = {
    file: filter.file,
    documentIndex: 0,
    line: filter.line,
    document: { title: filter.document.title, logsource: filter.document.logsource, detection: {} },
    logsource: filter.document.logsource,
    detections: filter.detections,
    conditions: [{ text: '', ast: filter.condition, path: filter.conditionPath }],
    lineOf: filter.lineOf,
  };
  const processed = applyPipelines(asRule, pipelines);
  const collector = new ProblemCollector(filter.file, filter.lineOf);
  if (processed.problems.length === 0) compileRule(processed.rule, processed.placeholders, collector);
  problems.push(...processed.problems, ...collector.problems);
  return processed.problems.length === 0 && !collector.hasProblems;
}

/** Reads rule files and directories (recursively) and compiles them. */
export async function loadRules(paths: readonly string[], options: LoadOptions = {}): Promise<RuleCollection> {
  const files = await collectRuleFiles(paths);
  const sources = await Promise.all(files.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
  return compileRuleSources(sources, options);
}
