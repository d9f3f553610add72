import { z } from 'zod';

/**
 * A rule test file, `<rule>.tests.yml` beside `<rule>.yml`: a list of named events, each
 * expected to match the rule or not.
 *
 * ```yaml
 * - name: SQL injection in a query string
 *   match: true
 *   selections: [selection_sqli]   # optional: the search identifiers expected to hold
 *   event: { message: "GET /items?id=1 UNION SELECT password FROM users" }
 * - name: ordinary search
 *   match: false
 *   event: { message: "GET /items?id=42" }
 * ```
 * When the rule file holds several rules, each case names one with `rule:` (id, name or title).
 */
export const ruleTestCaseSchema = z.strictObject({
  name: z.string().min(1),
  match: z.boolean({ error: 'must be true (the event must match) or false (it must not)' }),
  event: z.record(z.string(), z.unknown(), { error: 'must be a map: the event as the detector sees it' }),
  rule: z.string().optional(),
  selections: z.array(z.string()).optional(),
});

export const ruleTestFileSchema = z.array(ruleTestCaseSchema).min(1, { error: 'a test file needs at least one case' });

export type RuleTestCase = z.infer<typeof ruleTestCaseSchema>;
