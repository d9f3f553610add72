import { foldCase } from '../text/case-fold';
import type { SigmaValue } from '../values/sigma-value';

/**
 * What an event must contain for a rule (or part of one) to possibly match. `clauses` are in
 * conjunctive form: every clause must hold, and a clause holds when at least one of its
 * case-folded literals occurs in some value of the event. `fields` must all be present. Empty
 * lists mean nothing is known. It is a necessary condition only: the rule index uses it to
 * skip rules, never to decide a match.
 */
export type Clause = readonly string[];
export interface Requirement {
  readonly clauses: readonly Clause[];
  readonly fields: readonly string[];
}

export const NO_REQUIREMENT: Requirement = { clauses: [], fields: [] };

function ofClauses(clauses: readonly Clause[]): Requirement {
  return clauses.length === 0 ? NO_REQUIREMENT : { clauses, fields: [] };
}

/** The requirement of a field item: its values' literals, and the field itself being present. */
export function withField(req: Requirement, field: string): Requirement {
  return { clauses: req.clauses, fields: req.fields.includes(field) ? req.fields : [...req.fields, field] };
}

/** Shorter ASCII literals occur in too many events to be worth indexing. */
export const MIN_LITERAL_LENGTH = 3;
/**
 * Any substring of a required literal is required too; capping keeps the index small. The end
 * of a long literal is kept: paths and command lines share their beginnings (c:\windows\…).
 */
export const MAX_LITERAL_LENGTH = 16;
/** Long value lists (hash lists, emoji lists) stay indexed up to this many alternatives. */
const MAX_ALTERNATIVES = 512;
/** Clauses kept per rule: a few independent ones already make false candidates rare. */
const MAX_CLAUSES = 4;

/** Non-ASCII characters are rare in logs, so two code units (an emoji, a CJK pair) already select well. */
function isUsable(folded: string): boolean {
  if (folded.length >= MIN_LITERAL_LENGTH) return true;
  return folded.length === 2 && (folded.charCodeAt(0) >= 0x80 || folded.charCodeAt(1) >= 0x80);
}

function literal(text: string): Requirement {
  const folded = foldCase(text);
  if (!isUsable(folded)) return NO_REQUIREMENT;
  return ofClauses([[folded.length > MAX_LITERAL_LENGTH ? folded.slice(folded.length - MAX_LITERAL_LENGTH) : folded]]);
}

/** Longer shortest-literal and fewer alternatives mean fewer events pass. */
export function selectivity(clause: Clause): number {
  let shortest = Infinity;
  for (const lit of clause) shortest = Math.min(shortest, lit.length);
  return Math.min(shortest, MAX_LITERAL_LENGTH) * 1000 - clause.length;
}

function bestClause(req: Requirement): Clause | undefined {
  let best: Clause | undefined;
  for (const clause of req.clauses) if (best === undefined || selectivity(clause) > selectivity(best)) best = clause;
  return best;
}

/**
 * At least one of the parts holds: one clause, the union of each part's most selective clause;
 * and the fields every part requires.
 */
export function anyOf(parts: readonly Requirement[]): Requirement {
  if (parts.length === 0) return NO_REQUIREMENT;
  if (parts.length === 1) return parts[0] as Requirement;
  const fields = parts.slice(1).reduce((common, p) => common.filter((f) => p.fields.includes(f)), [...(parts[0] as Requirement).fields]);
  const union = new Set<string>();
  for (const part of parts) {
    const best = bestClause(part);
    if (best === undefined) return { clauses: [], fields };
    for (const lit of best) union.add(lit);
  }
  return { clauses: union.size > MAX_ALTERNATIVES ? [] : [[...union]], fields };
}

/** Every part holds: all their clauses hold (the most selective few are kept) and all their fields are present. */
export function allOf(parts: readonly Requirement[]): Requirement {
  const seen = new Set<string>();
  const clauses: Clause[] = [];
  const fields = new Set<string>();
  for (const part of parts) {
    for (const f of part.fields) fields.add(f);
    for (const clause of part.clauses) {
      const key = [...clause].sort().join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        clauses.push(clause);
      }
    }
  }
  return { clauses: clauses.sort((a, b) => selectivity(b) - selectivity(a)).slice(0, MAX_CLAUSES), fields: [...fields] };
}

/**
 * The text every IPv4 address of a network starts with: the octets its prefix fixes, and a dot
 * (198.51.100.0/24 → "198.51.100."). IPv6 text has too many spellings to name one.
 */
function cidrTextPrefix(cidr: string): string {
  const [address, prefix] = cidr.split('/');
  if (address === undefined || address.includes(':')) return '';
  const fixedOctets = Math.min(3, Math.floor(Number(prefix ?? 32) / 8));
  if (fixedOctets === 0) return '';
  return `${address.split('.').slice(0, fixedOctets).join('.')}.`;
}

export function valueRequirement(value: SigmaValue, regexLiterals: (value: Extract<SigmaValue, { type: 'regex' }>) => readonly string[] | undefined): Requirement {
  switch (value.type) {
    case 'string': {
      // Every text part is required; keep them all as separate clauses (allOf picks the best).
      return allOf(value.value.parts.map((part) => (part.kind === 'text' ? literal(part.text) : NO_REQUIREMENT)));
    }
    case 'number': {
      const text = String(value.value);
      return text.includes('e') ? NO_REQUIREMENT : literal(text);
    }
    case 'boolean':
      return ofClauses([[value.value ? 'true' : 'false']]);
    case 'regex': {
      const lits = regexLiterals(value);
      if (lits === undefined || lits.length === 0) return NO_REQUIREMENT;
      return anyOf(lits.map(literal));
    }
    case 'expansion':
      return anyOf(value.values.map((v) => valueRequirement(v, regexLiterals)));
    case 'cidr': {
      // An IPv4-mapped IPv6 address (::ffff:a9fe:a9fe) matches IPv4 networks too; its text always holds ':ffff:'.
      const prefix = cidrTextPrefix(value.cidr);
      return prefix === '' ? NO_REQUIREMENT : anyOf([literal(prefix), literal(':ffff:')]);
    }
    default:
      // null, exists, comparisons, networks, time parts and field references name no literal.
      return NO_REQUIREMENT;
  }
}
