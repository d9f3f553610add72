import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessingPipeline, RuleCollection } from '../sigma';
import { formatProblem, loadPipelineFile, loadRules, SigmaRuleError } from '../sigma';
import { pipelineFilesIn } from '../detect/gather-bundle';
import type { CliIo } from './io';

export async function loadPipelines(files: readonly string[]): Promise<ProcessingPipeline[]> {
  return Promise.all(files.map((f) => loadPipelineFile(f)));
}

/**
 * The pipelines to apply: those given with --pipeline, else those of the detections folder the
 * paths are in (a folder with `rules/` and `pipelines/`: the paths themselves or an ancestor),
 * so a single rule file is loaded with the mappings it is written for.
 */
export async function pipelineFilesFor(rulePaths: readonly string[], explicit: readonly string[]): Promise<string[]> {
  if (explicit.length > 0) return [...explicit];
  const found = await Promise.all(rulePaths.map(async (p) => pipelineFilesIn((await detectionsFolderOf(p)) ?? p)));
  return [...new Set(found.flat())];
}

async function detectionsFolderOf(rulePath: string): Promise<string | undefined> {
  let dir = path.resolve(rulePath);
  for (let depth = 0; depth < 12; depth++) {
    if ((await isDirectory(path.join(dir, 'pipelines'))) && (await isDirectory(path.join(dir, 'rules')))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
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
