import { ProblemCollector } from '../problems';
import type { ParsedRule } from '../rule/parsed-rule';
import type { PlainValue } from '../values/sigma-value';
import type { PipelineResult, ProcessingItem, ProcessingPipeline, TransformContext } from './processing-pipeline';

/**
 * Applies pipelines to a parsed rule, lowest priority first (a stable sort keeps the given order
 * among equal priorities), each item in file order when its rule conditions match the rule as
 * transformed so far. The input rule is never mutated; problems are returned, never thrown.
 */
export function applyPipelines(rule: ParsedRule, pipelines: readonly ProcessingPipeline[]): PipelineResult {
  const ordered = [...pipelines].sort((a, b) => a.priority - b.priority);
  const vars = new Map<string, readonly PlainValue[]>();
  for (const pipeline of ordered) for (const [name, values] of pipeline.vars) vars.set(name, values);
  const problems = new ProblemCollector(rule.file, rule.lineOf);
  const placeholders = new Map<string, readonly PlainValue[]>();

  let current = rule;
  for (const pipeline of ordered) {
    for (const item of pipeline.items) {
      if (!item.matchesRule(current)) continue;
      const source = describeSource(pipeline, item);
      const ctx: TransformContext = {
        vars,
        matchesItem: item.matchesItem,
        matchesField: item.matchesField,
        report: (path, message) => problems.add(path, `${message} (${source})`),
        definePlaceholder: (name, values) => placeholders.set(name, values),
      };
      current = item.transform(current, ctx);
    }
  }
  return { rule: current, placeholders, problems: problems.problems };
}

/** Names the pipeline entry behind a problem, so a rule author knows which file to look at. */
function describeSource(pipeline: ProcessingPipeline, item: ProcessingItem): string {
  const where = item.line === undefined ? pipeline.file : `${pipeline.file}:${item.line}`;
  const id = item.id === undefined ? item.type : `'${item.id}'`;
  return `processing pipeline '${pipeline.name}', transformation ${id} at ${where}`;
}
