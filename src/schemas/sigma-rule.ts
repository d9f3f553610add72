import { z } from 'zod';
import {
  descriptionSchema,
  falsePositiveSchema,
  levelSchema,
  logsourceSchema,
  ruleIdSchema,
  sigmaDateSchema,
  statusSchema,
  tagSchema,
  titleSchema,
  uniqueList,
} from './sigma-common';
import { logwardenAttributesSchema } from './logwarden-attributes';

/** A Sigma detection rule document (sigma-detection-rule-schema.json, v2.1). Custom top-level attributes are kept. */
export const sigmaRuleSchema = z.looseObject({
  title: titleSchema,
  id: ruleIdSchema.optional(),
  name: z.string().max(256).optional(),
  related: z
    .array(
      z.object({
        id: ruleIdSchema,
        type: z.enum(['derived', 'obsolete', 'merged', 'renamed', 'similar']),
      }),
    )
    .optional(),
  taxonomy: z.string().max(256).optional(),
  status: statusSchema.optional(),
  description: descriptionSchema.optional(),
  license: z.string().optional(),
  author: z.string().optional(),
  references: uniqueList(z.string()).optional(),
  date: sigmaDateSchema.optional(),
  modified: sigmaDateSchema.optional(),
  logsource: logsourceSchema,
  // The detection section's inner structure is checked by the detection parser, which knows the
  // search-identifier grammar and reports field-level problems with their lines.
  detection: z.record(z.string(), z.unknown()),
  fields: uniqueList(z.string()).optional(),
  falsepositives: uniqueList(falsePositiveSchema).optional(),
  level: levelSchema.optional(),
  tags: uniqueList(tagSchema).optional(),
  scope: z.array(z.string().min(2)).optional(),
  logwarden: logwardenAttributesSchema.optional(),
});

export type SigmaRuleDocument = z.infer<typeof sigmaRuleSchema>;
