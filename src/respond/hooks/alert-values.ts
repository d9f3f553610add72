import { compileFieldAccessor } from '../../sigma/events/field-path';
import type { ValueSource } from '../config/hook-config';

/** Text a configured pattern runs on is cut here: log lines can be huge and are attacker-written. */
const MAX_SCANNED_CHARS = 64 * 1024;
const MAX_CANDIDATES = 32;

/**
 * The candidate values for a parameter: every source in order from the triggering event
 * (unmasked), then from the alert document. Strings only; a pattern keeps its
 * first group from every match. Callers validate each candidate before using it.
 */
export function candidateValues(sources: readonly ValueSource[], documents: readonly (Readonly<Record<string, unknown>> | undefined)[]): string[] {
  const out: string[] = [];
  // The event is the authority (the alert is its masked copy): every source is read there first.
  for (const document of documents) {
    if (document === undefined) continue;
    for (const source of sources) {
      const field = typeof source === 'string' ? source : source.field;
      const pattern = typeof source === 'string' || source.pattern === undefined ? undefined : new RegExp(source.pattern, 'g');
      for (const value of compileFieldAccessor(field)(document).values) {
        if (typeof value !== 'string') continue;
        if (pattern === undefined) out.push(value);
        else for (const match of value.slice(0, MAX_SCANNED_CHARS).matchAll(pattern)) if (match[1] !== undefined) out.push(match[1]);
        if (out.length >= MAX_CANDIDATES) return out;
      }
    }
  }
  return out;
}

/** The first candidate the validator accepts, or why none was accepted. */
export function firstValid<T>(candidates: readonly string[], validate: (value: string) => T | string, what: string): { ok: true; value: T } | { ok: false; error: string } {
  const reasons: string[] = [];
  for (const candidate of candidates) {
    const result = validate(candidate);
    if (typeof result !== 'string') return { ok: true, value: result };
    reasons.push(result);
  }
  if (candidates.length === 0) return { ok: false, error: `the alert has no ${what}` };
  return { ok: false, error: `no valid ${what} in the alert: ${[...new Set(reasons)].slice(0, 3).join('; ')}` };
}
