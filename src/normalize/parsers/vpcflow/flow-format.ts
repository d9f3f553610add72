/**
 * A VPC flow log format: the `${field}` list the flow log was created with (A9). The default
 * format is the version 2 fields; custom formats choose fields and order, so the parser needs
 * the format per log group (`vpcFlowFormats` in the normalize config).
 */
export interface FlowFormat {
  /** Field names in order, as AWS spells them (`log-status`). */
  readonly fields: readonly string[];
  /** The same names in snake_case (`log_status`), the keys under `aws.vpcflow`. */
  readonly keys: readonly string[];
  /** The version lines in this format carry: the highest version among its fields. */
  readonly version: number;
  /** Some field is newer than this code knows; its version is then only a lower bound. */
  readonly hasUnknownFields: boolean;
}

export type FlowFormatResult = { readonly ok: true; readonly format: FlowFormat } | { readonly ok: false; readonly error: string };

// Version in which each field was introduced (amazon-vpc-user-guide flow-logs.md, "Available
// fields"). "If you specify a mixture of fields from versions 2, 3, and 4, the version is 4."
const FIELD_VERSIONS: ReadonlyMap<string, number> = new Map([
  ...['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'].map((f) => [f, 2] as const),
  ...['vpc-id', 'subnet-id', 'instance-id', 'tcp-flags', 'type', 'pkt-srcaddr', 'pkt-dstaddr'].map((f) => [f, 3] as const),
  ...['region', 'az-id', 'sublocation-type', 'sublocation-id'].map((f) => [f, 4] as const),
  ...['pkt-src-aws-service', 'pkt-dst-aws-service', 'flow-direction', 'traffic-path'].map((f) => [f, 5] as const),
]);

const TOKEN = /^\$\{([a-z0-9-]{1,64})\}$/;

/** Reads a format string such as `${version} ${vpc-id} ${srcaddr}` (the configuration, not log text). */
export function compileFlowFormat(text: string): FlowFormatResult {
  const tokens = text.trim().split(/\s+/);
  const fields: string[] = [];
  let version = 2;
  let hasUnknownFields = false;
  for (const [index, token] of tokens.entries()) {
    const name = TOKEN.exec(token)?.[1];
    if (name === undefined) return { ok: false, error: `token ${index + 1} (${JSON.stringify(token.slice(0, 40))}) is not a \${field-name}` };
    if (fields.includes(name)) return { ok: false, error: `field ${name} appears twice` };
    const fieldVersion = FIELD_VERSIONS.get(name);
    if (fieldVersion === undefined) hasUnknownFields = true;
    else version = Math.max(version, fieldVersion);
    fields.push(name);
  }
  return { ok: true, format: { fields, keys: fields.map((name) => name.replaceAll('-', '_')), version, hasUnknownFields } };
}
