import type { BatchStage, DeadLetterRequest, RecordOutcome } from '../batch/process-batch';
import type { KinesisEventRecord } from '../batch/kinesis-event';
import { deadLettersFrom } from '../batch/dead-letter-requests';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import type { StreamEntry, StreamWriter } from '../streams/stream-writer';
import { decodeRawRecord } from './decode-raw-record';
import { encodeNormalizedEvent } from './normalized-record';
import type { Normalizer } from './normalize-record';
import { normalizeRecord } from './normalize-record';

export interface NormalizeStageDeps {
  readonly normalizer: Normalizer;
  readonly writeNormalized: StreamWriter;
  readonly deadLetters: DeadLetterSink;
  readonly now: () => Date;
}

/**
 * The `normalize` stage over one Kinesis batch of the "raw" stream: each record decodes to log
 * records, each log record becomes exactly one normalized event (see normalizeRecord), and the
 * events are written to the "normalized" stream. Undecodable records and records from accounts
 * outside the allow-list go to the dead letters.
 */
export function normalizeStage(deps: NormalizeStageDeps): BatchStage<StreamEntry> {
  const allowed = new Set(deps.normalizer.config.accounts);
  return {
    process(record: KinesisEventRecord): RecordOutcome<StreamEntry> {
      const decoded = decodeRawRecord(Buffer.from(record.kinesis.data, 'base64'));
      if (!decoded.ok) return { kind: 'dead-letter', reason: 'undecodable-record', error: decoded.error };
      const stranger = decoded.records.find((r) => allowed.size > 0 && !allowed.has(r.owner));
      if (stranger !== undefined) {
        // D3.1/D3.2: only configured accounts may feed the pipeline; anything else is quarantined.
        return { kind: 'dead-letter', reason: 'owner-not-allowed', error: `log data from account ${stranger.owner}, which is not in the configured accounts` };
      }
      return { kind: 'processed', outputs: decoded.records.map((r) => encodeNormalizedEvent(normalizeRecord(r, deps.normalizer))) };
    },
    async write(outputs) {
      return (await deps.writeNormalized(outputs)).failed;
    },
    async deadLetter(requests: readonly DeadLetterRequest[]) {
      await deps.deadLetters.send(deadLettersFrom('normalize', requests, deps.now()));
    },
  };
}
