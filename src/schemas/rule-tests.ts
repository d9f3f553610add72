import { z } from 'zod';

/**
 * A log line as CloudWatch delivers it, for a test case that goes through the normalizer:
 * `line` is the message text; `record` is a JSON record (a CloudTrail record, say) that is
 * serialized as the message. The log group decides the log source, exactly as in the pipeline.
 */
export const ruleTestLogSchema = z
  .strictObject({
    group: z.string().min(1, { error: 'names the log group the line comes from, e.g. /aws/lambda/orders-api' }),
    line: z.string().optional(),
    record: z.record(z.string(), z.unknown(), { error: 'must be a map: the JSON record as logged' }).optional(),
    stream: z.string().min(1).optional(),
    account: z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' }).optional(),
    timestamp: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' }).optional(),
  })
  .refine((log) => (log.line === undefined) !== (log.record === undefined), { error: 'needs exactly one of line (the message text) or record (a JSON record)' });

export type RuleTestLog = z.infer<typeof ruleTestLogSchema>;

/**
 * A rule test file, `<rule>.tests.yml` beside `<rule>.yml`: a list of named cases, each
 * expected to match the rule or not. A case gives either the event as the detector sees it
 * (`event`) or a raw log line that is normalized first (`log`), which proves the rule against
 * the fields the normalizer really produces.
 *
 * ```yaml
 * - name: SQL injection in a query string
 *   match: true
 *   selections: [selection_sqli]   # optional: the search identifiers expected to hold
 *   log:
 *     group: /aws/lambda/orders-api
 *     line: "GET /items?id=1 UNION SELECT password FROM users"
 * - name: ordinary search
 *   match: false
 *   event: { message: "GET /items?id=42", logwarden: { source: lambda } }
 * ```
 * When the rule file holds several rules, each case names one with `rule:` (id, name or title).
 */
export const ruleTestCaseSchema = z
  .strictObject({
    name: z.string().min(1),
    match: z.boolean({ error: 'must be true (the event must match) or false (it must not)' }),
    event: z.record(z.string(), z.unknown(), { error: 'must be a map: the event as the detector sees it' }).optional(),
    log: ruleTestLogSchema.optional(),
    rule: z.string().optional(),
    selections: z.array(z.string()).optional(),
  })
  .refine((c) => (c.event === undefined) !== (c.log === undefined), { error: 'needs exactly one of event (as the detector sees it) or log (a raw line to normalize)' });

export const ruleTestFileSchema = z.array(ruleTestCaseSchema).min(1, { error: 'a test file needs at least one case' });

export type RuleTestCase = z.infer<typeof ruleTestCaseSchema>;
