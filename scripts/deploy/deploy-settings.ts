import { z } from 'zod';

/**
 * The deploy-time settings the stack generator reads from serverless.yml (`custom.logwarden`,
 * filled from `--param` values). Params arrive as strings or numbers; lists are comma-separated.
 */
const commaList = z
  .union([z.string(), z.number()])
  .transform((value) =>
    String(value)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

// CloudWatch Logs: log group names are 1-512 characters of a-z A-Z 0-9 _ - / . # (CreateLogGroup API).
const LOG_GROUP_NAME = /^[\w\-/.#]{1,512}$/;

export const deploySettingsSchema = z.strictObject({
  service: z.string().min(1),
  stage: z.string().regex(/^[a-z0-9-]{1,16}$/, 'stage: 1-16 of a-z, 0-9, "-" (it becomes part of role and domain names)'),
  logGroups: commaList.pipe(z.array(z.string().regex(LOG_GROUP_NAME, 'a CloudWatch Logs log group name (1-512 of a-z A-Z 0-9 _ - / . #)'))),
  filterPattern: z.union([z.string(), z.null()]).transform((value) => value ?? '').pipe(z.string().max(1024)),
  silentSourceMinutes: z.coerce.number().int().min(5).max(1440),
  iteratorAgeAlarmSeconds: z.coerce.number().int().min(10).max(604_800),
  trustedAccounts: commaList.pipe(z.array(z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id'))),
});

export type DeploySettings = z.output<typeof deploySettingsSchema>;

export class DeploySettingsError extends Error {
  override readonly name = 'DeploySettingsError';
}

/** Validates the settings; a problem names the param to fix. */
export function parseDeploySettings(input: unknown): DeploySettings {
  const parsed = deploySettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeploySettingsError(`invalid deploy setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const settings = parsed.data;
  const seen = new Set<string>();
  for (const group of settings.logGroups) {
    if (seen.has(group)) throw new DeploySettingsError(`logGroups lists ${group} twice: one subscription filter per log group is all Logwarden creates`);
    seen.add(group);
    if (group.startsWith(`/aws/lambda/${settings.service}-${settings.stage}-`)) {
      throw new DeploySettingsError(`logGroups must not include the pipeline's own function logs (${group}): every line they forward would produce more lines`);
    }
  }
  return settings;
}
