import { readFile, stat } from 'node:fs/promises';
import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { describeError } from '../../services/run-services';
import { withLocalEndpoints } from '../../local-pipeline/local-endpoints';
import { replayPayloads } from '../../local-pipeline/replay-input';
import type { ReplayFormat } from '../../local-pipeline/replay-input';
import { toSubscriptionEvent } from '../../local-pipeline/subscription-event';
import { createKinesisClient } from '../../kinesis/client';
import { resolveStreamNames } from '../../kinesis/stream-names';
import type { CliIo } from '../io';
import { EXIT } from '../io';

export interface ReplayOptions {
  readonly logGroup: string;
  readonly format: ReplayFormat;
  readonly account?: string;
}

type ForwardHandler = (event: unknown) => Promise<{ kind: string; error?: string }>;

/**
 * `logwarden replay <file>…`: feeds files into the local pipeline through the real `forward`
 * function, as CloudWatch Logs would deliver them: onto the "raw" stream of kinesis-local, where
 * a running `npm start` picks them up (or the next one does).
 */
export async function replayCommand(files: readonly string[], options: ReplayOptions, io: CliIo): Promise<number> {
  const env = withLocalEndpoints(process.env);
  const endpoint = env['KINESIS_ENDPOINT'] as string;
  const stream = resolveStreamNames(env).raw;
  try {
    await createKinesisClient({ endpoint }).send(new DescribeStreamSummaryCommand({ StreamName: stream }));
  } catch (err) {
    io.stderr.write(`logwarden replay: the local pipeline's stream ${stream} is not reachable at ${endpoint} (${describeError(err).split('\n')[0]}); start it with \`npm start\` or \`npm run services:up\`\n`);
    return EXIT.failed;
  }
  Object.assign(process.env, { KINESIS_ENDPOINT: endpoint, AWS_REGION: process.env['AWS_REGION'] ?? 'us-east-1', POWERTOOLS_METRICS_DISABLED: process.env['POWERTOOLS_METRICS_DISABLED'] ?? 'true' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded once the environment is set, like a cold start
  const forward = (require('../../../functions/forward/handler') as { handler: ForwardHandler }).handler;
  let total = 0;
  let deadLettered = 0;
  for (const file of files) {
    let text: string;
    let modified: Date;
    try {
      [text, modified] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtime)]);
    } catch (err) {
      io.stderr.write(`logwarden replay: cannot read ${file}: ${(err as Error).message}\n`);
      return EXIT.failed;
    }
    const input = replayPayloads({ name: file, text, modified }, { format: options.format, logGroup: options.logGroup, ...(options.account === undefined ? {} : { owner: options.account }) });
    if (!input.ok) {
      io.stderr.write(`logwarden replay: ${input.error}; nothing from ${file} was sent\n`);
      return EXIT.failed;
    }
    let sent = 0;
    for (const [i, payload] of input.payloads.entries()) {
      const report = await forward(toSubscriptionEvent(payload));
      if (report.kind === 'dead-lettered') deadLettered += payload.logEvents.length;
      sent += payload.logEvents.length;
      if ((i + 1) % 20 === 0 || i === input.payloads.length - 1) io.stderr.write(`${file}: ${sent}/${input.events} log event(s) forwarded\n`);
    }
    total += sent;
  }
  io.stderr.write(`replayed ${total} log event(s) from ${files.length} file(s) onto ${stream}${deadLettered > 0 ? ` (${deadLettered} dead-lettered: see \`npx logwarden dlq list\`)` : ''}\n`);
  io.stdout.write(`${JSON.stringify({ files: files.length, events: total, deadLettered, stream })}\n`);
  return deadLettered > 0 ? EXIT.failed : EXIT.ok;
}
