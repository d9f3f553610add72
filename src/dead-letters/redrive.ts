import type { DeadLetter } from './dead-letter';

/** The stream a stage reads: a record it gave up on goes back there. */
export type PipelineStream = 'raw' | 'normalized' | 'alerts';

export const STREAM_OF_STAGE: Readonly<Record<DeadLetter['stage'], PipelineStream>> = {
  forward: 'raw',
  normalize: 'raw',
  detect: 'normalized',
  'index-events': 'normalized',
  // respond's letters carry the alert notice, marked so that failed actions may run again.
  respond: 'alerts',
};

/** What redriving a letter needs: somewhere to put records back, and the forward stage. */
export interface RedriveTargets {
  /** Writes one record back into a pipeline stream; resolves false when it was not written. */
  put(stream: PipelineStream, data: Uint8Array, partitionKey: string): Promise<boolean>;
  /** Reads a record's data back from its stream position, when the letter does not carry it. */
  readFromStream(source: NonNullable<DeadLetter['source']>): Promise<Uint8Array | undefined>;
  /** Runs the forward stage on a subscription payload again; resolves false when it still cannot be processed. */
  forward(awslogsData: string): Promise<boolean>;
}

export type RedriveOutcome = { readonly letter: DeadLetter; readonly redriven: true } | { readonly letter: DeadLetter; readonly redriven: false; readonly why: string };

/**
 * Sends dead letters back into the pipeline after a fix: a subscription payload goes through
 * `forward` again; a stream record goes back into the stream its stage reads (from the letter,
 * or re-read from its stream position while retention lasts). Letters that still fail stay
 * dead letters. Every stage is idempotent, so a redriven record is never counted twice.
 */
export async function redrive(letters: readonly DeadLetter[], targets: RedriveTargets): Promise<RedriveOutcome[]> {
  const outcomes: RedriveOutcome[] = [];
  for (const letter of letters) {
    try {
      outcomes.push(await redriveOne(letter, targets));
    } catch (err) {
      outcomes.push({ letter, redriven: false, why: (err as Error).message });
    }
  }
  return outcomes;
}

async function redriveOne(letter: DeadLetter, targets: RedriveTargets): Promise<RedriveOutcome> {
  if (letter.payload.kind === 'subscription-event') {
    if (letter.payload.base64 === '') return { letter, redriven: false, why: 'the letter does not carry its payload' };
    return (await targets.forward(letter.payload.base64)) ? { letter, redriven: true } : { letter, redriven: false, why: 'forward still cannot process the payload' };
  }
  let data: Uint8Array | undefined = letter.payload.base64 === '' ? undefined : Buffer.from(letter.payload.base64, 'base64');
  if (data === undefined && letter.source !== undefined) data = await targets.readFromStream(letter.source);
  if (data === undefined) return { letter, redriven: false, why: 'the payload is neither in the letter nor readable from the stream (retention passed?)' };
  const stream = STREAM_OF_STAGE[letter.stage];
  const written = await targets.put(stream, data, letter.source?.partitionKey ?? 'redrive');
  return written ? { letter, redriven: true } : { letter, redriven: false, why: `the ${stream} stream did not accept the record` };
}
