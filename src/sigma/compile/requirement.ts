import { foldCase } from '../text/case-fold';
import type { SigmaValue } from '../values/sigma-value';

/**
 * What an event must contain for a rule (or part of one) to possibly match: case-folded literals
 * of which at least one occurs in some value of the event. `undefined` means no such literal is
 * known, and the part must always be evaluated. This is a necessary condition only; the rule
 * index uses it to skip rules, never to decide a match.
 */
export type Requirement = readonly string[] | undefined;

/** Shorter literals occur in too many events to be worth indexing. */
export const MIN_LITERAL_LENGTH = 3;
/** Any substring of a required literal is required too; capping keeps the index small. */
export const MAX_LITERAL_LENGTH = 24;
const MAX_ALTERNATIVES = 64;

function literal(text: string): Requirement {
  const folded = foldCase(text);
  if (folded.length < MIN_LITERAL_LENGTH) return undefined;
  return [folded.length > MAX_LITERAL_LENGTH ? folded.slice(0, MAX_LITERAL_LENGTH) : folded];
}

/** At least one of the parts is needed. */
export function anyOf(parts: readonly Requirement[]): Requirement {
  if (parts.length === 0) return undefined;
  const all = new Set<string>();
  for (const part of parts) {
    if (part === undefined) return undefined;
    for (const lit of part) all.add(lit);
  }
  return all.size > MAX_ALTERNATIVES ? undefined : [...all];
}

/** Every part is needed: any one of them is a valid requirement, so keep the most selective. */
export function allOf(parts: readonly Requirement[]): Requirement {
  let best: Requirement;
  for (const part of parts) {
    if (part !== undefined && (best === undefined || selectivity(part) > selectivity(best))) best = part;
  }
  return best;
}

/** Longer shortest-literal and fewer alternatives mean fewer events pass. */
function selectivity(req: readonly string[]): number {
  const shortest = Math.min(...req.map((l) => l.length));
  return shortest * 100 - req.length;
}

export function valueRequirement(value: SigmaValue, regexLiterals: (value: Extract<SigmaValue, { type: 'regex' }>) => readonly string[] | undefined): Requirement {
  switch (value.type) {
    case 'string': {
      let longest = '';
      for (const part of value.value.parts) if (part.kind === 'text' && part.text.length > longest.length) longest = part.text;
      return literal(longest);
    }
    case 'number': {
      const text = String(value.value);
      return text.includes('e') ? undefined : literal(text);
    }
    case 'boolean':
      return [value.value ? 'true' : 'false'];
    case 'regex': {
      const lits = regexLiterals(value);
      if (lits === undefined || lits.length === 0) return undefined;
      return anyOf(lits.map(literal));
    }
    case 'expansion':
      return anyOf(value.values.map((v) => valueRequirement(v, regexLiterals)));
    default:
      // null, exists, comparisons, networks, time parts and field references name no literal.
      return undefined;
  }
}
