import type { LogParser } from '../../parser';
import { VPC_FLOW_LOG_PARSER } from './flow-log-parser';

export { VPC_FLOW_LOG_PARSER } from './flow-log-parser';

/** VPC flow log groups hold one record per message (A9): a single parser, which never skips. */
export const VPCFLOW_PARSERS: readonly LogParser[] = [VPC_FLOW_LOG_PARSER];
