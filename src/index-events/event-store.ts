import type { NormalizedEvent } from '../schemas/normalized-event';

/** Where every normalized event is kept for search. Indexing is idempotent (the event id is the document id). */
export interface EventStore {
  /** Resolves with the indexes of events that could not be stored after every retry. */
  index(events: readonly NormalizedEvent[]): Promise<{ readonly failed: ReadonlySet<number> }>;
}
