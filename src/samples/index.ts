export { describeSample } from './describe-sample';
export { DEFAULT_SAMPLE_SEED, generateSampleDay, type SampleDay, type SampleDayOptions } from './generate-sample-day';
export { ATTACK_KINDS, type AttackKind, INCIDENT_KINDS, type IncidentKind } from './sample-event';
export type { LogGroupSummary, SampleFinding, SampleSummary } from './sample-summary';
export { DEFAULT_SAMPLE_START } from './sample-time';
export { CLOUDWATCH_LIMITS } from './subscription-payloads';
export { fileStem, PAYLOADS_FILE, type SampleFile, SUMMARY_FILE, writeSampleFiles } from './write-sample-files';
