import type { LogParser, ParseOutcome } from '../../parser';
import { integerOf, type FieldTree } from '../../field-tree';
import type { FlowFormat } from './flow-format';
import { mapFlowRecord } from './flow-fields';
import { checkFlowValue } from './flow-values';
import { formatForLogGroup } from './format-for-log-group';

const PARSER = 'vpcflow';

/**
 * One flow log record per message, space-separated in the order of the flow log's format (A9):
 * the format configured for the log group, else the default version 2 format. A line that
 * does not fit the format fails with the reason; it is never half-mapped.
 */
export const VPC_FLOW_LOG_PARSER: LogParser = {
  name: PARSER,
  parse({ message, record, config }): ParseOutcome {
    const format = formatForLogGroup(record.logGroup, config);
    if (!format.ok) return failed(format.error);
    const { fields, keys } = format.format;
    const trimmed = message.trim();
    const values = trimmed === '' ? [] : trimmed.split(/\s+/);
    if (values.length !== fields.length) {
      return failed(`expected ${fields.length} space-separated fields (version ${format.format.version} format), got ${values.length}`);
    }
    const versionError = checkVersion(format.format, values);
    if (versionError !== undefined) return failed(versionError);
    const flow = new Map<string, string>();
    const vpcflow: FieldTree = {};
    for (const [index, name] of fields.entries()) {
      const value = values[index] ?? '-';
      // "If a field is not applicable or could not be computed … the record displays a '-'" (A9).
      if (value === '-') continue;
      const problem = checkFlowValue(name, value);
      if (problem !== undefined) return failed(problem);
      flow.set(name, value);
      vpcflow[keys[index] ?? name] = value;
    }
    return { kind: 'parsed', parser: PARSER, fields: mapFlowRecord(flow, vpcflow) };
  },
};

/**
 * A line's version is the highest version among its format's fields, so a different version
 * means the configured format is not the one the flow log was created with. A format with
 * fields newer than this code knows only sets a lower bound.
 */
function checkVersion(format: FlowFormat, values: readonly string[]): string | undefined {
  const index = format.fields.indexOf('version');
  const value = index < 0 ? undefined : values[index];
  if (value === undefined) return undefined;
  const version = integerOf(value);
  if (version !== undefined && (format.hasUnknownFields ? version >= format.version : version === format.version)) return undefined;
  return `line is flow log version ${JSON.stringify(value.slice(0, 20))} but the configured format is version ${format.version}${format.hasUnknownFields ? ' or later' : ''}`;
}

function failed(error: string): ParseOutcome {
  return { kind: 'failed', parser: PARSER, error };
}
