import type { ProcessingPipeline, RuleCollection } from '../sigma';
import { formatProblem, loadPipelineFile, loadRules, SigmaRuleError } from '../sigma';
import { pipelineFilesIn } from '../detect/gather-bundle';
import type { CliIo } from './io';

export async function loadPipelines(files: readonly string[]): Promise<ProcessingPipeline[]> {
  return Promise.all(files.map((f) => loadPipelineFile(f)));
}

/**
 * The pipelines to apply: those given with --pipeline, else those of the `pipelines/` folders of
 * the directories given (a detections folder carries its own mappings).
 */
export async function pipelineFilesFor(rulePaths: readonly string[], explicit: readonly string[]): Promise<string[]> {
  if (explicit.length > 0) return [...explicit];
  const found = await Promise.all(rulePaths.map((p) => pipelineFilesIn(p)));
  return [...new Set(found.flat())];
}

/**
 * Loads pipelines and rules for a command. Any problem is printed with file, line and field and
 * makes the load fail: a rule set is never used half-loaded.
 */
export async function loadRulesOrReport(rulePaths: readonly string[], pipelineFiles: readonly string[], io: CliIo): Promise<RuleCollection | undefined> {
  let pipelines: ProcessingPipeline[];
  try {
    pipelines = await loadPipelines(await pipelineFilesFor(rulePaths, pipelineFiles));
  } catch (err) {
    if (!(err instanceof SigmaRuleError)) throw err;
    for (const p of err.problems) io.stderr.write(`${formatProblem(p)}\n`);
    return undefined;
  }
  const collection = await loadRules(rulePaths, { pipelines });
  if (collection.problems.length > 0) {
    for (const p of collection.problems) io.stderr.write(`${formatProblem(p)}\n`);
    io.stderr.write(`logwarden: ${collection.problems.length} problem(s) in ${collection.invalidFiles.size} rule file(s); no rules were used\n`);
    return undefined;
  }
  return collection;
}

/** Commander collects repeatable options through this. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
