import { z } from 'zod';

export type Environment = Readonly<Record<string, string | undefined>>;

export const portSchema = z.coerce.number().int().min(1).max(65_535);

/** One setting from the environment: unset or empty means the fallback; a bad value is an error naming the variable. */
export function parseVariable<T>(env: Environment, name: string, schema: z.ZodType<T>, fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new RangeError(`${name}=${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  return parsed.data;
}
