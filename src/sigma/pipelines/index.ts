/** pySigma-format processing pipelines, applied to parsed rules before compilation. */
export type { PipelineResult, ProcessingItem, ProcessingPipeline, TransformContext, Transformation } from './processing-pipeline';
export { parsePipeline } from './parse-pipeline';
export { loadPipelineFile } from './load-pipeline-file';
export { applyPipelines } from './apply-pipelines';
export { TRANSFORMATIONS } from './transformations/registry';
