import type { Client } from '@opensearch-project/opensearch';
import { eventLetter } from '../dead-letters/event-letters';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import { bulkWrite, eventsIndexForEvent, fitFlatObjects } from '../opensearch';
import type { BulkOperation } from '../opensearch';
import { failuresByInput } from '../opensearch/write-report';
import type { EventStore } from './event-store';

export interface OpenSearchEventStoreDeps {
  readonly client: Client;
  readonly indexPrefix: string;
  readonly deadLetters: DeadLetterSink;
  readonly now: () => Date;
  /** Epoch ms after which no request is sent or waited for (the invocation's end minus a reserve). */
  readonly deadline?: number;
}

/**
 * Events into daily indices (`<prefix>-events-YYYY.MM.DD` by the event's own date) with
 * `create` and the event id as `_id`: a replay answers 409 and changes nothing. Documents
 * OpenSearch refuses for good are dead-lettered with its error; the rest of the batch goes on.
 */
export function openSearchEventStore(deps: OpenSearchEventStoreDeps): EventStore {
  return {
    async index(events) {
      const operations: BulkOperation[] = events.map((event) => ({
        action: 'create',
        index: eventsIndexForEvent(deps.indexPrefix, event),
        id: event.event.id,
        document: fitFlatObjects(event).document,
      }));
      const report = await bulkWrite(deps.client, operations, deps.deadline === undefined ? {} : { deadline: deps.deadline });
      const failures = failuresByInput(report, operations, events.map((_, i) => i));
      if (failures.permanent.size > 0) {
        const at = deps.now();
        await deps.deadLetters.send([...failures.permanent].map(([i, error]) => eventLetter('index-events', events[i] as (typeof events)[number], error, at)));
      }
      return { failed: failures.retryable };
    },
  };
}
