import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { collectRuleFiles } from '../sigma';
import type { DetectionBundle } from './detection-bundle';

/** Pipelines live in a `pipelines/` folder of a detections directory. */
export async function pipelineFilesIn(directory: string): Promise<string[]> {
  const folder = path.join(directory, 'pipelines');
  try {
    if (!(await stat(folder)).isDirectory()) return [];
  } catch {
    return [];
  }
  return (await readdir(folder)).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => path.join(folder, f));
}

/**
 * Reads a detections directory into a bundle: rule files (tests excluded) and pipelines, paths
 * relative to it. `extraRuleDirs` adds rules from elsewhere (a SigmaHQ checkout's
 * `rules/cloud/aws`, say), compiled with the same pipelines; their paths stay as given.
 */
export async function gatherBundle(directory: string, extraRuleDirs: readonly string[] = []): Promise<DetectionBundle> {
  const pipelineFiles = await pipelineFilesIn(directory);
  const ruleFiles = (await collectRuleFiles([directory])).filter((f) => !pipelineFiles.includes(f));
  const extraFiles = extraRuleDirs.length > 0 ? await collectRuleFiles(extraRuleDirs) : [];
  const read = (base: string | undefined) => async (file: string) => ({ file: base === undefined ? file : path.relative(base, file), text: await readFile(file, 'utf8') });
  return {
    version: 1,
    rules: [...(await Promise.all(ruleFiles.map(read(directory)))), ...(await Promise.all(extraFiles.map(read(undefined))))],
    pipelines: await Promise.all(pipelineFiles.map(read(directory))),
  };
}
