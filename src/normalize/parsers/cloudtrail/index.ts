import type { LogParser } from '../../parser';
import { CLOUDTRAIL_EVENT_PARSER } from './cloudtrail-parser';

export { CLOUDTRAIL_EVENT_PARSER } from './cloudtrail-parser';

/** CloudTrail log groups hold one event per message (A8): a single parser, which never skips. */
export const CLOUDTRAIL_PARSERS: readonly LogParser[] = [CLOUDTRAIL_EVENT_PARSER];
