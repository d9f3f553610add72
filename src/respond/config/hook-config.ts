import { z } from 'zod';
import { durationSchema } from './durations';

/** N actions per window; 0 suppresses everything (a kill switch). */
export const rateLimitSchema = z.strictObject({
  max: z.number().int().min(0).max(100_000),
  per: durationSchema,
});

export type RateLimit = z.infer<typeof rateLimitSchema>;

/**
 * Where a hook reads a value in the alert: a field (dotted path, as Sigma rules name fields),
 * optionally narrowed by a regular expression whose first group is the value. The expression
 * comes from this reviewed file; the text it runs on is capped (see alert-values.ts).
 */
export const valueSourceSchema = z.union([
  z.string().min(1).max(256),
  z.strictObject({ field: z.string().min(1).max(256), pattern: z.string().min(1).max(512).optional() }),
]);

export type ValueSource = z.infer<typeof valueSourceSchema>;

const sources = z.array(valueSourceSchema).min(1).max(16);
const environmentVariable = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, { error: 'an environment variable name (A-Z, 0-9, _)' });
const accountId = z.string().regex(/^\d{12}$/, { error: 'a 12-digit AWS account id' });

/** What every hook accepts besides its own parameters. */
const common = {
  description: z.string().max(1024).optional(),
  /** Compute and record everything, execute nothing. */
  dryRun: z.boolean().optional(),
  /** Every action of this hook waits for `logwarden respond approve`. */
  approval: z.enum(['required', 'none']).optional(),
  /** Actions of this hook across all targets. */
  rateLimit: rateLimitSchema.optional(),
  /** Actions of this hook on one target (a URL, a key, a role, a function). */
  targetRateLimit: rateLimitSchema.optional(),
  /** Sends per action (first included) for transient failures; default 3. */
  attempts: z.number().int().min(1).max(10).optional(),
  timeout: durationSchema.optional(),
};

export const webhookHookSchema = z.strictObject({
  type: z.literal('webhook'),
  ...common,
  url: z.url({ protocol: /^https?$/ }).max(2048),
  /** Where the signing secret is, exactly one of: an environment variable (local use), */
  secretEnv: environmentVariable.optional(),
  /** a Secrets Manager secret whose SecretString is the secret (read at first use, re-read after 5 minutes), */
  secretArn: z.string().regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/, { error: 'a Secrets Manager secret ARN' }).optional(),
  /** or an SSM SecureString parameter (its name, `/…`, in the function's account and region). */
  secretParameter: z.string().regex(/^\/[A-Za-z0-9_.\-/]{1,1010}$/, { error: 'an SSM parameter name starting with /' }).optional(),
}).refine((hook) => [hook.secretEnv, hook.secretArn, hook.secretParameter].filter((v) => v !== undefined).length === 1, {
  error: 'a webhook needs exactly one of secretEnv, secretArn or secretParameter (where its signing secret is)',
});

export const snsHookSchema = z.strictObject({
  type: z.literal('sns'),
  ...common,
  topicArn: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/, { error: 'an SNS topic ARN' }),
  subject: z.string().min(1).max(100).optional(),
});

export const eventBridgeHookSchema = z.strictObject({
  type: z.literal('eventbridge'),
  ...common,
  eventBus: z.string().regex(/^(arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/)?[A-Za-z0-9._/-]{1,256}$/, { error: 'an event bus name or ARN' }),
  source: z.string().regex(/^[A-Za-z0-9._-]{1,256}$/).default('logwarden'),
});

export const lambdaHookSchema = z.strictObject({
  type: z.literal('lambda'),
  ...common,
  functionArn: z.string().regex(/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/, { error: 'a Lambda function ARN (optionally with a version or alias)' }),
});

const deactivateAccessKey = z.strictObject({
  type: z.literal('aws-action'),
  action: z.literal('deactivate-access-key'),
  ...common,
  /** Where the key id is; the first source holding a valid long-term key id (AKIA…) wins. */
  accessKeyId: sources.default(['aws.cloudtrail.responseElements.accessKey.accessKeyId', 'aws.cloudtrail.requestParameters.accessKeyId']),
  /** IAM user names never touched (break-glass users). */
  protectedUsers: z.array(z.string().min(1).max(64)).max(100).default([]),
});

const attachDenyAllPolicy = z.strictObject({
  type: z.literal('aws-action'),
  action: z.literal('attach-deny-all-policy'),
  ...common,
  /** Where the principal's ARN is (a role, a user, or an assumed-role session of a role). */
  principalArn: sources.default(['aws.cloudtrail.userIdentity.sessionContext.sessionIssuer.arn', 'aws.cloudtrail.userIdentity.arn']),
  /** Which kinds of principal may be quarantined. */
  principalTypes: z.array(z.enum(['role', 'user'])).min(1).default(['role', 'user']),
  /** The managed policy attached; AWS's own AWSDenyAll by default. */
  policyArn: z.string().regex(/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/[A-Za-z0-9+=,.@_/-]{1,512}$/).default('arn:aws:iam::aws:policy/AWSDenyAll'),
  /** Role or user names never touched (break-glass roles, the pipeline's own roles). */
  protectedNames: z.array(z.string().min(1).max(128)).max(100).default([]),
});

const zeroFunctionConcurrency = z.strictObject({
  type: z.literal('aws-action'),
  action: z.literal('zero-function-concurrency'),
  ...common,
  /** Where the function's name or ARN is. */
  functionName: sources.default(['faas.name', 'aws.cloudtrail.requestParameters.functionName']),
  /** Function names never throttled: by default the pipeline's own, so an alert cannot stop Logwarden. */
  protectedFunctions: z.array(z.string().min(1).max(140)).max(100).default(['logwarden-*']),
});

export const awsActionHookSchema = z.discriminatedUnion('action', [deactivateAccessKey, attachDenyAllPolicy, zeroFunctionConcurrency]);

export const hookConfigSchema = z.discriminatedUnion('type', [webhookHookSchema, snsHookSchema, eventBridgeHookSchema, lambdaHookSchema, awsActionHookSchema]);

export type HookConfig = z.infer<typeof hookConfigSchema>;
export type WebhookHookConfig = z.infer<typeof webhookHookSchema>;
export type SnsHookConfig = z.infer<typeof snsHookSchema>;
export type EventBridgeHookConfig = z.infer<typeof eventBridgeHookSchema>;
export type LambdaHookConfig = z.infer<typeof lambdaHookSchema>;
export type AwsActionHookConfig = z.infer<typeof awsActionHookSchema>;
export type DeactivateAccessKeyConfig = z.infer<typeof deactivateAccessKey>;
export type AttachDenyAllPolicyConfig = z.infer<typeof attachDenyAllPolicy>;
export type ZeroFunctionConcurrencyConfig = z.infer<typeof zeroFunctionConcurrency>;

export { accountId as accountIdSchema };
