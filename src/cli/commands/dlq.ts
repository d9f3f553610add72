import { SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter } from '../../dead-letters/dead-letter';
import { FileDeadLetterSink } from '../../dead-letters/file-sink';
import { redrive } from '../../dead-letters/redrive';
import type { RedriveOutcome } from '../../dead-letters/redrive';
import { deleteLetter, receiveMessages } from '../../dead-letters/sqs-source';
import { kinesisShardRangeReader } from '../../dead-letters/shard-range-reader';
import { kinesisRedriveTargets } from '../../dead-letters/stream-targets';
import { alertsStreamFrom } from '../../respond/alerts-stream';
import { kinesisClientFor } from '../../runtime/dependencies';
import { readSettings } from '../../runtime/settings';
import { kinesisStreamWriter } from '../../streams/kinesis-writer';
import type { CliIo } from '../io';
import { EXIT } from '../io';

export const DLQ_STAGES: readonly DeadLetter['stage'][] = ['forward', 'normalize', 'detect', 'index-events', 'respond'];

export interface DlqOptions {
  readonly stage?: DeadLetter['stage'];
  readonly dir?: string;
  readonly queueUrl?: string;
  readonly dryRun: boolean;
  readonly json: boolean;
}

function describe(letter: DeadLetter): string {
  const where = letter.source?.sequenceNumber === undefined ? '' : ` (${letter.source.shardId ?? '?'}:${letter.source.sequenceNumber})`;
  return `${letter.at} ${letter.stage} ${letter.reason}${where}: ${letter.error}`;
}

/** `logwarden dlq list` / `logwarden dlq redrive`: dead letters from the local folder or the SQS queue. */
export async function dlqCommand(action: 'list' | 'redrive', options: DlqOptions, io: CliIo): Promise<number> {
  const settings = readSettings(options.dir === undefined ? process.env : { ...process.env, LOGWARDEN_DLQ_DIR: options.dir });
  const stages = options.stage === undefined ? DLQ_STAGES : [options.stage];
  const queueUrl = options.queueUrl ?? (settings.deadLetters.kind === 'sqs' ? settings.deadLetters.queueUrl : undefined);
  const client = kinesisClientFor(settings);
  const alerts = alertsStreamFrom(process.env);
  const targets = kinesisRedriveTargets(client, { ...settings.streams, ...(alerts === undefined ? {} : { alerts }) }, kinesisStreamWriter(client, settings.streams.raw));
  const outcomes: RedriveOutcome[] = [];
  const listed: DeadLetter[] = [];

  if (queueUrl !== undefined) {
    const sqs = new SQSClient(settings.region === undefined ? {} : { region: settings.region });
    const readRange = kinesisShardRangeReader(client);
    for (;;) {
      const { messages, invalid } = await receiveMessages(sqs, queueUrl, readRange);
      for (const { id, why } of invalid) io.stderr.write(`message ${id}: ${why}; left in the queue\n`);
      if (messages.length === 0) break;
      for (const message of messages) {
        const letters = message.letters.filter((l) => stages.includes(l.stage));
        if (letters.length === 0) continue;
        listed.push(...letters);
        if (action === 'list' || options.dryRun) continue;
        const results = await redrive(letters, targets);
        outcomes.push(...results);
        // A message is deleted only once every letter it stands for is back in the pipeline.
        if (results.every((r) => r.redriven) && letters.length === message.letters.length) await deleteLetter(sqs, queueUrl, message.receiptHandle);
      }
      if (action === 'list' || options.dryRun) break; // received messages return to the queue by themselves
    }
  } else {
    const sink = new FileDeadLetterSink(settings.deadLetters.kind === 'file' ? settings.deadLetters.directory : '.local/dead-letters');
    for (const stage of stages) {
      const { letters, invalidLines } = await sink.read(stage);
      for (const line of invalidLines) io.stderr.write(`${sink.fileFor(stage)}:${line}: not a dead letter; left in place\n`);
      listed.push(...letters);
      if (action === 'list' || options.dryRun || letters.length === 0) continue;
      const results = await redrive(letters, targets);
      outcomes.push(...results);
      await sink.replace(stage, results.filter((r) => !r.redriven).map((r) => r.letter));
    }
  }

  if (options.json) {
    io.stdout.write(`${JSON.stringify(action === 'list' || options.dryRun ? listed : outcomes.map((o) => ({ ...o.letter, redriven: o.redriven, ...(o.redriven ? {} : { why: o.why }) })))}\n`);
  } else if (action === 'list' || options.dryRun) {
    for (const letter of listed) io.stdout.write(`${describe(letter)}\n`);
    io.stdout.write(`${listed.length} dead letter(s)\n`);
  } else {
    for (const o of outcomes) io.stdout.write(`${o.redriven ? 'redriven' : `kept (${o.why})`}: ${describe(o.letter)}\n`);
    const done = outcomes.filter((o) => o.redriven).length;
    io.stdout.write(`${done} of ${outcomes.length} dead letter(s) redriven\n`);
  }
  return outcomes.every((o) => o.redriven) ? EXIT.ok : EXIT.failed;
}
