import { deadLettersFrom } from '../batch/dead-letter-requests';
import type { BatchStage, DeadLetterRequest, RecordOutcome } from '../batch/process-batch';
import type { KinesisEventRecord } from '../batch/kinesis-event';
import { decodeNotice } from './alert-notice';
import type { OutcomeEntry } from './outcome-recorder';
import type { RespondDeps } from './respond-engine';
import { respondToNotice } from './respond-engine';

/**
 * The `respond` stage over one batch of the alerts stream: notices are handled one at a time in
 * sequence order (each action is claimed, executed and recorded before the next). Hook failures
 * are dead-lettered by the engine; a notice that cannot be decoded is dead-lettered here; an
 * error of the store or OpenSearch fails the record, and Lambda delivers it again.
 */
export function respondStage(deps: RespondDeps, onOutcomes: (entries: readonly OutcomeEntry[]) => void = () => undefined): BatchStage<never> {
  return {
    async process(record: KinesisEventRecord): Promise<RecordOutcome<never>> {
      const decoded = decodeNotice(Buffer.from(record.kinesis.data, 'base64'));
      if (!decoded.ok) return { kind: 'dead-letter', reason: 'undecodable-notice', error: decoded.error };
      const entries = await respondToNotice(decoded.notice, deps, {
        stream: record.eventSourceARN,
        shardId: record.eventID.split(':')[0] ?? record.eventID,
        sequenceNumber: record.kinesis.sequenceNumber,
        partitionKey: record.kinesis.partitionKey,
      });
      onOutcomes(entries);
      return { kind: 'processed', outputs: [] };
    },
    async write() {
      return new Set<number>();
    },
    async deadLetter(requests: readonly DeadLetterRequest[]) {
      await deps.deadLetters.send(deadLettersFrom('respond', requests, deps.now()));
    },
  };
}
