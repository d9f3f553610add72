import { z } from 'zod';
import { SOURCE_TYPES } from '../../schemas/normalized-event';
import { accountIdSchema, hookConfigSchema, rateLimitSchema } from './hook-config';

export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'lower-case letters, digits and "-", at most 63' });
const term = z.string().min(1).max(256);

/** Which alerts a route takes. Every criterion given must hold; within a list, any value. */
export const routeMatchSchema = z
  .strictObject({
    /** Rule ids (`rule.id`). */
    rules: z.array(term).min(1).optional(),
    /** Rule tags; `attack.t1078` also takes `attack.t1078.004`. */
    tags: z.array(term).min(1).optional(),
    levels: z.array(z.enum(LEVELS)).min(1).optional(),
    /** At least this level. */
    minLevel: z.enum(LEVELS).optional(),
    /** The event's log source (`logwarden.source`). */
    logsources: z.array(z.enum(SOURCE_TYPES)).min(1).optional(),
  })
  .refine((m) => Object.keys(m).length > 0, { error: 'needs at least one criterion (rules, tags, levels, minLevel, logsources)' });

const hookReferenceSchema = z.union([
  name,
  z.strictObject({ hook: name, dryRun: z.boolean().optional(), approval: z.enum(['required', 'none']).optional() }),
]);

export const routeSchema = z.strictObject({
  name,
  description: z.string().max(1024).optional(),
  enabled: z.boolean().default(true),
  match: routeMatchSchema,
  hooks: z.array(hookReferenceSchema).min(1).max(16),
  /** `required`: actions only record what they would do until `logwarden respond approve`. */
  approval: z.enum(['required', 'none']).default('none'),
  dryRun: z.boolean().optional(),
});

export const responsesConfigSchema = z
  .strictObject({
    version: z.literal(1),
    /** Accounts in which aws-action hooks may act; a target anywhere else is refused before any call. */
    accounts: z.array(accountIdSchema).max(100).default([]),
    defaults: z
      .strictObject({
        dryRun: z.boolean().default(false),
        rateLimit: rateLimitSchema.default({ max: 20, per: '1h' }),
        /** For aws-action hooks (notification hooks' target is their own endpoint). */
        targetRateLimit: rateLimitSchema.default({ max: 1, per: '1h' }),
      })
      .prefault({}),
    hooks: z.record(name, hookConfigSchema),
    routes: z.array(routeSchema).max(200),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.routes.forEach((route, i) => {
      if (seen.has(route.name)) ctx.addIssue({ code: 'custom', path: ['routes', i, 'name'], message: `route '${route.name}' is defined twice` });
      seen.add(route.name);
      route.hooks.forEach((ref, j) => {
        const hook = typeof ref === 'string' ? ref : ref.hook;
        if (config.hooks[hook] === undefined) ctx.addIssue({ code: 'custom', path: ['routes', i, 'hooks', j], message: `no hook '${hook}' under hooks:` });
      });
    });
    for (const [hookName, hook] of Object.entries(config.hooks)) {
      if (hook.type === 'aws-action' && config.accounts.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['hooks', hookName], message: 'aws-action hooks need the accounts they may act in (accounts: at the top)' });
      }
    }
  });

export type ResponsesConfig = z.infer<typeof responsesConfigSchema>;
export type Route = z.infer<typeof routeSchema>;
export type RouteMatch = z.infer<typeof routeMatchSchema>;
