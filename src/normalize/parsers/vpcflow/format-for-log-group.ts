import { DEFAULT_VPC_FLOW_FORMAT, type NormalizeConfig } from '../../config';
import { compileFlowFormat, type FlowFormatResult } from './flow-format';
import { matchesLogGroupPattern } from '../../log-group-pattern';

interface ConfiguredFormat {
  readonly logGroups: readonly string[];
  readonly result: FlowFormatResult;
}

const DEFAULT_FORMAT = compileFlowFormat(DEFAULT_VPC_FLOW_FORMAT);

// Formats are read once per configuration object, not once per line. A WeakMap keyed by the
// (immutable) configuration keeps this a pure function of its inputs, shared safely between
// invocations, and lets a replaced configuration be collected.
const compiled = new WeakMap<NormalizeConfig['vpcFlowFormats'], readonly ConfiguredFormat[]>();

/** The format configured for this log group (first matching entry), else the default v2 format. */
export function formatForLogGroup(logGroup: string, config: NormalizeConfig): FlowFormatResult {
  let formats = compiled.get(config.vpcFlowFormats);
  if (formats === undefined) {
    formats = config.vpcFlowFormats.map((entry) => ({ logGroups: entry.logGroups, result: describeErrors(compileFlowFormat(entry.format)) }));
    compiled.set(config.vpcFlowFormats, formats);
  }
  const match = formats.find((entry) => entry.logGroups.some((pattern) => matchesLogGroupPattern(pattern, logGroup)));
  return match?.result ?? DEFAULT_FORMAT;
}

function describeErrors(result: FlowFormatResult): FlowFormatResult {
  return result.ok ? result : { ok: false, error: `the VPC flow log format configured for this log group is invalid: ${result.error}` };
}
