import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { decodeBase64Payload, isControlMessage, validatePayload } from '../../cloudwatch/subscription-payload';
import { toLogRecords } from '../../forward/raw-records';
import { parseNormalizeConfig } from '../../normalize/config';
import { createNormalizer } from '../../normalize/create-normalizer';
import { normalizeRecord } from '../../normalize/normalize-record';
import type { LogRecord } from '../../schemas/log-record';
import type { CliIo } from '../io';
import { EXIT } from '../io';
import { accountOfRecord, LOCAL_ACCOUNT } from '../../local-pipeline/local-account';

export interface NormalizeOptions {
  readonly logGroup: string;
  readonly logStream: string;
  /** The log group owner; by default 000000000000, or for NDJSON records the account they name (`recipientAccountId`). */
  readonly account?: string;
  readonly format: 'lines' | 'ndjson' | 'cwl';
  readonly config?: string;
}

/**
 * `logwarden normalize`: the normalizer on log lines (as if from a log group), NDJSON records
 * (each line's JSON is one message, e.g. CloudTrail), or CloudWatch subscription payloads (one
 * per line, decoded or in `awslogs.data` form). Prints one normalized event per log event.
 */
export async function normalizeCommand(input: string | undefined, options: NormalizeOptions, io: CliIo): Promise<number> {
  const config = parseNormalizeConfig(options.config === undefined ? {} : JSON.parse(await readFile(options.config, 'utf8')));
  const normalizer = createNormalizer(config);
  const stream: Readable = input !== undefined && input !== '-' ? createReadStream(input) : io.stdin;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const started = Date.now();
  let lineNumber = 0;
  let events = 0;
  let problems = 0;
  for await (const line of lines) {
    lineNumber++;
    if (options.format !== 'lines' && line.trim() === '') continue;
    const records = recordsOf(line, lineNumber, started, options);
    if (typeof records === 'string') {
      problems++;
      io.stderr.write(`line ${lineNumber}: ${records}; skipped\n`);
      continue;
    }
    let out = '';
    for (const record of records) out += `${JSON.stringify(normalizeRecord(record, normalizer))}\n`;
    events += records.length;
    if (out !== '') io.stdout.write(out);
  }
  io.stderr.write(`normalized ${events} event(s) from ${lineNumber} line(s)${problems > 0 ? `, ${problems} line(s) skipped` : ''}\n`);
  return problems > 0 ? EXIT.failed : EXIT.ok;
}

function recordsOf(line: string, lineNumber: number, started: number, options: NormalizeOptions): LogRecord[] | string {
  if (options.format === 'cwl') {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      return `not valid JSON (${(err as Error).message})`;
    }
    const awslogs = (json as { awslogs?: { data?: unknown } }).awslogs;
    const decoded = typeof awslogs?.data === 'string' ? decodeBase64Payload(awslogs.data) : validatePayload(json);
    if (!decoded.ok) return decoded.error;
    return isControlMessage(decoded.payload) ? [] : toLogRecords(decoded.payload);
  }
  return [
    {
      v: 1,
      owner: options.account ?? ownerOf(line, options.format),
      logGroup: options.logGroup,
      logStream: options.logStream,
      subscriptionFilters: ['logwarden-cli'],
      id: String(lineNumber),
      timestamp: started,
      message: line,
    },
  ];
}

/** Without --account, an NDJSON record is taken to come from the account it names. */
function ownerOf(line: string, format: NormalizeOptions['format']): string {
  if (format !== 'ndjson') return LOCAL_ACCOUNT;
  try {
    return accountOfRecord(JSON.parse(line)) ?? LOCAL_ACCOUNT;
  } catch {
    return LOCAL_ACCOUNT;
  }
}
