import { z } from 'zod';
import { SOURCE_TYPES } from '../schemas/normalized-event';

/**
 * How `normalize` decides what a log group holds. The source type comes only from the envelope
 * (log group and owner account), never from message text. Patterns use `*` as a wildcard and
 * match the whole log group name; the first matching source wins.
 */
export const normalizeConfigSchema = z.strictObject({
  sources: z
    .array(z.strictObject({ type: z.enum(SOURCE_TYPES), logGroups: z.array(z.string().min(1)).min(1) }))
    .default([]),
  /** Accounts whose logs are accepted; records from other owners are dead-lettered. Empty: any. */
  accounts: z.array(z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' })).default([]),
  /** VPC flow log formats (the `${field}` list the flow log was created with), by log group pattern. */
  vpcFlowFormats: z.array(z.strictObject({ logGroups: z.array(z.string().min(1)).min(1), format: z.string().min(1) })).default([]),
});

export type NormalizeConfig = z.infer<typeof normalizeConfigSchema>;

/** The defaults of ../shared/DESIGN.md ("Normalized event"). */
export const DEFAULT_SOURCES: NormalizeConfig['sources'] = [
  { type: 'lambda', logGroups: ['/aws/lambda/*'] },
  { type: 'cloudtrail', logGroups: ['aws-cloudtrail-logs*', 'CloudTrail/*'] },
  { type: 'vpcflow', logGroups: ['/aws/vpc/flow-logs*', '*vpc-flow-logs*'] },
  { type: 'apigateway', logGroups: ['/aws/apigateway/access-logs*', 'API-Gateway-Access-Logs*'] },
];

/** The default VPC flow log format (version 2). */
export const DEFAULT_VPC_FLOW_FORMAT =
  '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';

/** Parses a configuration; configured sources come before the defaults, so they can override them. */
export function parseNormalizeConfig(input: unknown): NormalizeConfig {
  const parsed = normalizeConfigSchema.parse(input ?? {});
  return { ...parsed, sources: [...parsed.sources, ...DEFAULT_SOURCES] };
}

export const DEFAULT_NORMALIZE_CONFIG: NormalizeConfig = parseNormalizeConfig({});
