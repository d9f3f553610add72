import { z } from 'zod';
import { descriptionSchema, logsourceSchema, ruleIdSchema, sigmaDateSchema, titleSchema, uniqueList } from './sigma-common';

/**
 * A Sigma meta-filter document (sigma-filters-schema.json, v2.1). Besides `rules` and `condition`,
 * the `filter` section holds search identifiers, like a rule's detection section.
 */
export const sigmaFilterSchema = z.looseObject({
  title: titleSchema,
  id: ruleIdSchema.optional(),
  name: z.string().max(256).optional(),
  description: descriptionSchema.optional(),
  date: sigmaDateSchema.optional(),
  modified: sigmaDateSchema.optional(),
  taxonomy: z.string().max(256).optional(),
  logsource: logsourceSchema,
  filter: z.looseObject({
    // `any` applies the filter to every rule of the log source, as pySigma allows.
    rules: z.union([z.literal('any'), uniqueList(z.string().min(1)).min(1, { error: 'must name at least one rule' })], {
      error: "must be 'any' or a list of rule ids or names",
    }),
    condition: z.string({ error: 'must be a condition over the filter selections, e.g. "not selection"' }),
  }),
});

export type SigmaFilterDocument = z.infer<typeof sigmaFilterSchema>;
