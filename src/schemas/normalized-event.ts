import { z } from 'zod';

/**
 * The normalized event: ECS field names (https://www.elastic.co/guide/en/ecs/current/) plus
 * `aws.*` for the envelope and AWS-specific records, and `logwarden.*` for pipeline metadata.
 * Parsers fill what their format gives; everything else is optional. Detection rules and
 * analysts see exactly this shape (`logwarden normalize` prints it).
 */
const str = z.string();
const num = z.number();

export const SOURCE_TYPES = ['lambda', 'cloudtrail', 'vpcflow', 'apigateway', 'application'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const normalizedEventSchema = z.looseObject({
  '@timestamp': z.iso.datetime({ offset: true }),
  message: str,
  event: z.looseObject({
    /** Deterministic id: the same log event always yields the same id (idempotent writes downstream). */
    id: str,
    kind: z.enum(['event', 'metric', 'state', 'pipeline_error']),
    module: z.literal('aws'),
    dataset: str,
    original: str,
    category: z.array(str).optional(),
    type: z.array(str).optional(),
    action: str.optional(),
    outcome: z.enum(['success', 'failure', 'unknown']).optional(),
    provider: str.optional(),
    duration: num.optional(),
    ingested: str.optional(),
    created: str.optional(),
    start: str.optional(),
    end: str.optional(),
  }),
  log: z.looseObject({ level: str.optional(), logger: str.optional() }).optional(),
  cloud: z.looseObject({
    provider: z.literal('aws'),
    account: z.looseObject({ id: str }),
    region: str.optional(),
  }),
  aws: z.looseObject({
    cloudwatch: z.looseObject({ log_group: str, log_stream: str, event_id: str, owner: str, subscription_filters: z.array(str) }),
  }),
  logwarden: z.looseObject({
    /** The log source the envelope says this is. */
    source: z.enum(SOURCE_TYPES),
    /** The parser that produced the fields (`raw` when none recognised the line). */
    parser: str,
    /** Why the line could not be parsed as its source's format; the event is kept regardless. */
    parse_error: str.optional(),
    /** Keys that occurred more than once in a JSON line (a sign of injected fields). */
    duplicate_keys: z.array(str).optional(),
    /** Present on events from a split oversized message. */
    part: z.object({ index: num, count: num }).optional(),
  }),
});

export type NormalizedEvent = z.infer<typeof normalizedEventSchema>;
