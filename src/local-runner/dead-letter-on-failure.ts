import { deadLettersFrom } from '../batch/dead-letter-requests';
import type { DeadLetter, DeadLetterSink } from '../dead-letters/dead-letter';
import type { OnFailureRecord } from './on-failure-record';

/** The dead-letter reason for records a mapping gave up on (Lambda's condition RetryAttemptsExhausted). */
export const RETRY_ATTEMPTS_EXHAUSTED = 'retry-attempts-exhausted';

/**
 * An `onFailure` destination that files each given-up record as a dead letter of `stage`, with
 * its data and stream position, so `logwarden dlq list` shows it and `dlq redrive` puts it back
 * on the stream that stage reads. The error names the attempts, the last failure and the
 * request, as Lambda's on-failure record would.
 */
export function deadLetterDestination(sink: DeadLetterSink, stage: DeadLetter['stage']): (failure: OnFailureRecord) => Promise<void> {
  return async (failure) => {
    const { requestContext: request, KinesisBatchInfo: batch } = failure;
    const error =
      `${failure.error} (gave up after ${request.approximateInvokeCount} attempt(s); ` +
      `request ${request.requestId}, function ${request.functionArn}, records ${batch.startSequenceNumber}..${batch.endSequenceNumber} of ${batch.shardId})`;
    const requests = failure.records.map((record) => ({ record, reason: RETRY_ATTEMPTS_EXHAUSTED, error }));
    await sink.send(deadLettersFrom(stage, requests, new Date(failure.timestamp)));
  };
}
