import { z } from 'zod';
import {
  descriptionSchema,
  falsePositiveSchema,
  levelSchema,
  ruleIdSchema,
  sigmaDateSchema,
  statusSchema,
  tagSchema,
  titleSchema,
  uniqueList,
} from './sigma-common';

export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;

/** Types that aggregate a field's values and therefore need `condition.field`. */
export const FIELD_AGGREGATING_TYPES: ReadonlySet<string> = new Set([
  'value_count',
  'value_sum',
  'value_avg',
  'value_percentile',
]);

// `number + unit`; the specification lists s, m, h, d; pySigma also reads w, M and y.
export const TIMESPAN_PATTERN = /^([1-9]\d*)([smhdwMy])$/;

const thresholdSchema = z.number({ error: 'must be a number' });

export const correlationConditionSchema = z
  .strictObject({
    gt: thresholdSchema.optional(),
    gte: thresholdSchema.optional(),
    lt: thresholdSchema.optional(),
    lte: thresholdSchema.optional(),
    eq: thresholdSchema.optional(),
    neq: thresholdSchema.optional(),
    field: z.union([z.string().max(256), z.array(z.string().max(256)).min(1)]).optional(),
  })
  .refine((c) => ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'].some((op) => op in c), {
    error: 'needs at least one of gt, gte, lt, lte, eq, neq',
  });

export const correlationSectionSchema = z
  .strictObject({
    type: z.enum(CORRELATION_TYPES),
    rules: uniqueList(z.string().min(2)).min(1, { error: 'must name at least one rule' }),
    aliases: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    'group-by': uniqueList(z.string()).optional(),
    timespan: z.string().regex(TIMESPAN_PATTERN, { error: 'must be a number and a unit, e.g. 10m, 1h, 2d' }),
    condition: correlationConditionSchema.optional(),
    generate: z.boolean().optional(),
  })
  .superRefine((section, ctx) => {
    const needsCondition = section.type === 'event_count' || FIELD_AGGREGATING_TYPES.has(section.type);
    if (needsCondition && section.condition === undefined) {
      ctx.addIssue({ code: 'custom', path: ['condition'], message: `is required for ${section.type} correlations` });
    }
    if (FIELD_AGGREGATING_TYPES.has(section.type) && section.condition !== undefined && section.condition.field === undefined) {
      ctx.addIssue({ code: 'custom', path: ['condition', 'field'], message: `is required for ${section.type} correlations` });
    }
    if (section.type === 'temporal' || section.type === 'temporal_ordered') {
      if (section.rules.length < 2) ctx.addIssue({ code: 'custom', path: ['rules'], message: `${section.type} correlations need at least two rules` });
    }
  });

/** A Sigma correlation (meta) rule document (sigma-correlation-rules-schema.json, v2.1). */
export const sigmaCorrelationSchema = z.looseObject({
  title: titleSchema,
  id: ruleIdSchema.optional(),
  name: z.string().max(256).optional(),
  status: statusSchema.optional(),
  description: descriptionSchema.optional(),
  author: z.string().optional(),
  references: uniqueList(z.string()).optional(),
  date: sigmaDateSchema.optional(),
  modified: sigmaDateSchema.optional(),
  taxonomy: z.string().max(256).optional(),
  correlation: correlationSectionSchema,
  falsepositives: z.union([falsePositiveSchema, uniqueList(falsePositiveSchema)]).optional(),
  level: levelSchema.optional(),
  tags: uniqueList(tagSchema).optional(),
  generate: z.boolean().optional(),
});

export type SigmaCorrelationDocument = z.infer<typeof sigmaCorrelationSchema>;
