import type { DeadLetter } from '../dead-letters/dead-letter';
import type { DeadLetterRequest } from './process-batch';

/** Dead letters for stream records a stage gave up on: the record's data and its stream position. */
export function deadLettersFrom(stage: DeadLetter['stage'], requests: readonly DeadLetterRequest[], at: Date): DeadLetter[] {
  const time = at.toISOString();
  return requests.map(({ record, reason, error }) => ({
    stage,
    reason,
    error,
    at: time,
    payload: { kind: 'kinesis-record' as const, base64: record.kinesis.data },
    source: {
      stream: record.eventSourceARN,
      shardId: record.eventID.split(':')[0] ?? record.eventID,
      sequenceNumber: record.kinesis.sequenceNumber,
      partitionKey: record.kinesis.partitionKey,
    },
  }));
}
