/**
 * What the loaded rules look at: field names (from `rule.document.detection` keys, split on `|`),
 * how often each is used, and the literal values rules compare them with. Events generated from
 * this carry the fields the rules read, so a corpus benchmark exercises real matching paths.
 */

/** Where a rule value sits in the field's text: the whole value, or a part of it. */
export type Placement = 'exact' | 'contains' | 'startswith' | 'endswith';

export interface FieldSample {
  /** A Sigma string (wildcards and escapes still in it) or a number. */
  readonly value: string | number;
  readonly placement: Placement;
}

export interface RuleField {
  readonly name: string;
  /** Number of detection items naming the field. */
  readonly uses: number;
  readonly samples: readonly FieldSample[];
}

export interface RuleFieldVocabulary {
  readonly fields: readonly RuleField[];
  /** Keyword (field-less) values, as Sigma strings. */
  readonly keywords: readonly string[];
}

// Values under these modifiers do not appear as such in events (encoded, patterns, typed).
const OPAQUE_MODIFIERS = new Set(['re', 'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'exists', 'fieldref', 'expand', 'minute', 'hour', 'day', 'week', 'month', 'year']);
const COMPARISONS: Readonly<Record<string, number>> = { gt: 1, gte: 0, lt: -1, lte: 0 };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An IPv4 address inside a network (`cidr` values); other networks are skipped. */
function addressIn(network: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(network);
  if (m === null || Number(m[5]) > 30) return undefined;
  return `${m[1]}.${m[2]}.${m[3]}.${Number(m[4]) + 1}`;
}

function samplesOf(modifiers: readonly string[], values: readonly unknown[]): FieldSample[] {
  if (modifiers.some((m) => OPAQUE_MODIFIERS.has(m))) return [];
  const comparison = modifiers.find((m) => m in COMPARISONS);
  const placement: Placement = modifiers.includes('contains') ? 'contains' : modifiers.includes('startswith') ? 'startswith' : modifiers.includes('endswith') ? 'endswith' : 'exact';
  const out: FieldSample[] = [];
  for (const value of values) {
    if (comparison !== undefined && typeof value === 'number') out.push({ value: value + (COMPARISONS[comparison] as number), placement: 'exact' });
    else if (modifiers.includes('cidr') && typeof value === 'string') {
      const address = addressIn(value);
      if (address !== undefined) out.push({ value: address, placement: 'exact' });
    } else if (comparison === undefined && (typeof value === 'string' || typeof value === 'number')) out.push({ value, placement });
  }
  return out;
}

/** Collects fields and values from rule detections (each given as written in the rule document). */
export function collectRuleFields(detections: readonly Readonly<Record<string, unknown>>[]): RuleFieldVocabulary {
  const fields = new Map<string, { uses: number; samples: FieldSample[] }>();
  const keywords: string[] = [];
  const addItem = (spec: string, raw: unknown): void => {
    const [name = '', ...modifiers] = spec.split('|');
    const values = Array.isArray(raw) ? raw : [raw];
    if (name === '') {
      keywords.push(...values.filter((v): v is string => typeof v === 'string'));
      return;
    }
    const entry = fields.get(name) ?? { uses: 0, samples: [] };
    entry.uses++;
    entry.samples.push(...samplesOf(modifiers, values));
    fields.set(name, entry);
  };
  for (const detection of detections) {
    for (const [identifier, definition] of Object.entries(detection)) {
      if (identifier === 'condition' || identifier === 'timeframe') continue;
      const parts = Array.isArray(definition) ? definition : [definition];
      for (const part of parts) {
        if (isRecord(part)) for (const [spec, raw] of Object.entries(part)) addItem(spec, raw);
        else if (typeof part === 'string' || typeof part === 'number') keywords.push(String(part));
      }
    }
  }
  return {
    fields: [...fields].map(([name, { uses, samples }]) => ({ name, uses, samples })).sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name)),
    keywords,
  };
}
