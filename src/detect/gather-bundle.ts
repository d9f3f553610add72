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

/** Reads a detections directory into a bundle: rule files (tests excluded) and pipelines, paths relative to it. */
export async function gatherBundle(directory: string): Promise<DetectionBundle> {
  const pipelineFiles = await pipelineFilesIn(directory);
  const ruleFiles = (await collectRuleFiles([directory])).filter((f) => !pipelineFiles.includes(f));
  const read = async (file: string) => ({ file: path.relative(directory, file), text: await readFile(file, 'utf8') });
  return { version: 1, rules: await Promise.all(ruleFiles.map(read)), pipelines: await Promise.all(pipelineFiles.map(read)) };
}
