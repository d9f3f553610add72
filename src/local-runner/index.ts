// A local stand-in for Lambda's Kinesis event source mappings: the core of the local pipeline runner.
export { advanceCheckpoint, CheckpointRegressionError, memoryCheckpointStore } from './checkpoint-store';
export type { CheckpointStore, Checkpoints } from './checkpoint-store';
export { deadLetterDestination, RETRY_ATTEMPTS_EXHAUSTED } from './dead-letter-on-failure';
export { createEventSourceMapping } from './event-source-mapping';
export type { EventSourceMapping, EventSourceMappingOptions } from './event-source-mapping';
export { CheckpointFileError, DEFAULT_CHECKPOINT_DIR, defaultCheckpointFile, fileCheckpointStore } from './file-checkpoint-store';
export type { CheckpointFile } from './file-checkpoint-store';
export { outcomeOf } from './invocation-outcome';
export type { InvocationOutcome, InvocationResult } from './invocation-outcome';
export type { KinesisBatchHandler } from './invoke-handler';
export { createLambdaContext } from './lambda-context';
export type { FunctionIdentity } from './lambda-context';
export { mappingSettingsSchema, parseMappingSettings } from './mapping-settings';
export type { MappingSettings, MappingSettingsInput } from './mapping-settings';
export { onFailureRecord } from './on-failure-record';
export type { OnFailureRecord } from './on-failure-record';
export type { MappingProgress, MappingStats, ProgressListener } from './progress';
