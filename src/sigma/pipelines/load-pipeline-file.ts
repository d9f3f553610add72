import { readFile } from 'node:fs/promises';
import { SigmaRuleError } from '../problems';
import { parsePipeline } from './parse-pipeline';
import type { ProcessingPipeline } from './processing-pipeline';

/** Reads and validates a pipeline file; throws a SigmaRuleError listing every problem. */
export async function loadPipelineFile(path: string): Promise<ProcessingPipeline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    // Duck-typed: errors from node:fs may come from another realm (e.g. under jest), failing instanceof.
    const reason = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
    throw new SigmaRuleError([{ file: path, line: undefined, field: '', message: `cannot read processing pipeline: ${reason}` }], { cause: err });
  }
  const { pipeline, problems } = parsePipeline(text, path);
  if (pipeline === undefined) throw new SigmaRuleError(problems);
  return pipeline;
}
