// Kinesis sink and source helpers for handlers, scripts and tests.
export { createKinesisClient, isLoopbackEndpoint, LOCAL_REGION } from './client';
export type { KinesisClientOptions, KinesisCredentials } from './client';
export { ensureStream } from './ensure-stream';
export type { EnsuredStream, EnsureStreamOptions, StreamSpec } from './ensure-stream';
export { putRecords } from './put-records';
export type { PutRecordsOptions, RetryInfo } from './put-records';
export { PutRecordsError } from './put-records-result';
export type { PutRecordsEntry, PutRecordsEntryResult, PutRecordsResult, RejectedEntry, UnwrittenEntry, WrittenEntry } from './put-records-result';
export { entryByteLength, findLimitViolation, KINESIS_LIMITS, REJECTION_REASONS } from './record-limits';
export type { RejectionReason } from './record-limits';
export { lastSequenceNumbers, readAllRecords, StreamReadTimeoutError } from './read-stream';
export type { ReadAllRecordsOptions, StreamRecord } from './read-stream';
export { compareSequenceNumbers, isSequenceNumber } from './sequence-number';
export { DEFAULT_STREAM_NAMES, resolveStreamNames, STREAM_NAME_ENV, streamNameSchema } from './stream-names';
export type { StreamNames } from './stream-names';
