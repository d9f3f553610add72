import { hash } from 'node:crypto';

/** The indices of one deployment, all under its prefix (`LOGWARDEN_INDEX_PREFIX`). */
export interface IndexNames {
  readonly prefix: string;
  /** Daily events indices: `<prefix>-events-YYYY.MM.DD`. */
  readonly eventsPattern: string;
  readonly alerts: string;
  readonly alertMatches: string;
  /** The respond stage's audit of action outcomes. */
  readonly responses: string;
}

export const DEFAULT_INDEX_PREFIX = 'logwarden';

export function indexNamesFor(prefix: string = DEFAULT_INDEX_PREFIX): IndexNames {
  return { prefix, eventsPattern: `${prefix}-events-*`, alerts: `${prefix}-alerts`, alertMatches: `${prefix}-alert-matches`, responses: `${prefix}-responses` };
}

/** The events index for a time: the UTC day of `@timestamp` (an offset such as +02:00 is converted). */
export function eventsIndexFor(prefix: string, timestamp: string | Date): string {
  const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`@timestamp ${JSON.stringify(String(timestamp).slice(0, 40))} is not a valid date`);
  const iso = new Date(ms).toISOString(); // always UTC, YYYY-MM-DD first
  return `${prefix}-events-${iso.slice(0, 4)}.${iso.slice(5, 7)}.${iso.slice(8, 10)}`;
}

export function eventsIndexForEvent(prefix: string, event: { readonly '@timestamp': string }): string {
  return eventsIndexFor(prefix, event['@timestamp']);
}

/** OpenSearch rejects an `_id` longer than 512 bytes (B5; enforced from 2.9). */
export const MAX_ID_BYTES = 512;
const KEPT_PREFIX_BYTES = 400;

/**
 * An `_id` of at most 512 bytes (checklist 21). Ids that fit are unchanged; a longer one keeps a
 * readable prefix and ends in `~` and the SHA-256 (base64url) of the whole id, so the result is
 * still deterministic and distinct ids stay distinct.
 */
export function boundedDocumentId(id: string): string {
  if (Buffer.byteLength(id, 'utf8') <= MAX_ID_BYTES) return id;
  let prefix = '';
  let bytes = 0;
  for (const char of id) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > KEPT_PREFIX_BYTES) break;
    prefix += char;
    bytes += size;
  }
  return `${prefix}~${hash('sha256', id, 'base64url')}`;
}
