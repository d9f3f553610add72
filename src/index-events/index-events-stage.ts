import type { BatchStage, DeadLetterRequest, RecordOutcome } from '../batch/process-batch';
import type { KinesisEventRecord } from '../batch/kinesis-event';
import { deadLettersFrom } from '../batch/dead-letter-requests';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import { decodeNormalizedEvent } from '../normalize/normalized-record';
import type { NormalizedEvent } from '../schemas/normalized-event';
import type { EventStore } from './event-store';

export interface IndexEventsStageDeps {
  readonly events: EventStore;
  readonly deadLetters: DeadLetterSink;
  readonly now: () => Date;
}

/** The `index-events` stage: every event of the "normalized" stream into the events indices. */
export function indexEventsStage(deps: IndexEventsStageDeps): BatchStage<NormalizedEvent> {
  return {
    process(record: KinesisEventRecord): RecordOutcome<NormalizedEvent> {
      const decoded = decodeNormalizedEvent(Buffer.from(record.kinesis.data, 'base64'));
      if (!decoded.ok) return { kind: 'dead-letter', reason: 'undecodable-event', error: decoded.error };
      return { kind: 'processed', outputs: [decoded.event] };
    },
    async write(events) {
      return (await deps.events.index(events)).failed;
    },
    async deadLetter(requests: readonly DeadLetterRequest[]) {
      await deps.deadLetters.send(deadLettersFrom('index-events', requests, deps.now()));
    },
  };
}
