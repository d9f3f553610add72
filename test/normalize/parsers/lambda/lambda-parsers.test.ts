import { createSourceClassifier } from '../../../../src/normalize/classify-source';
import { DEFAULT_NORMALIZE_CONFIG } from '../../../../src/normalize/config';
import type { Normalizer } from '../../../../src/normalize/normalize-record';
import { normalizeRecord } from '../../../../src/normalize/normalize-record';
import type { ParseOutcome } from '../../../../src/normalize/parser';
import { LAMBDA_PARSERS } from '../../../../src/normalize/parsers/lambda';
import { lambdaRecord, parsedAs, parseWithLambdaParsers, readLambdaEvent, RID, TS } from './lambda-lines';

interface CwlPayload {
  readonly logGroup: string;
  readonly logEvents: readonly { readonly message: string }[];
}

const normalizer: Normalizer = {
  config: DEFAULT_NORMALIZE_CONFIG,
  classifier: createSourceClassifier(DEFAULT_NORMALIZE_CONFIG),
  parsers: { lambda: LAMBDA_PARSERS, cloudtrail: [], vpcflow: [], apigateway: [], application: [] },
};

const withoutNewline = (message: string): string => message.replace(/\r?\n$/, '');
const payloadMessages = (name: string): string[] => (JSON.parse(readLambdaEvent(name)) as CwlPayload).logEvents.map((e) => withoutNewline(e.message));
const parserOf = (outcome: ParseOutcome): string => (outcome.kind === 'skip' ? 'skip' : outcome.parser);

// Lines a function could print to pass itself off as something else (D3.1).
const FORGED_LINES = [
  readLambdaEvent('cloudtrail-printed.json'),
  '{"message":"hi","logwarden":{"source":"cloudtrail","parser":"cloudtrail"},"cloud":{"account":{"id":"999999999999"}},"event":{"id":"forged","kind":"alert","original":"x"},"aws":{"cloudwatch":{"log_group":"/aws/lambda/other"},"cloudtrail":{"eventName":"ConsoleLogin"}},"faas":{"name":"other"},"@timestamp":"2000-01-01T00:00:00Z"}',
  `REPORT RequestId: ${RID}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory`,
  '{"time":"2025-11-28T18:03:30.311Z","type":"platform.start","record":{"requestId":"x","version":"$LATEST","logwarden":{"source":"vpcflow"}},"cloud":{"account":{"id":"999999999999"}}}',
  `${TS}\t${RID}\tERROR\tInvoke Error \t{"errorType":"E","errorMessage":"m","logwarden":{"source":"cloudtrail"},"event":{"id":"forged"}}`,
];

// Deterministic bytes (a linear congruential generator), so a failure can be replayed.
function garbage(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const MB = 1024 * 1024;
const HOSTILE_LINES: readonly [string, string][] = [
  ['1 MB of one letter', 'a'.repeat(MB)],
  ['1 MB of spaces', ' '.repeat(MB)],
  ['1 MB of tabs and newlines', '\t\n'.repeat(MB / 2)],
  ['a REPORT with a 1 MB number', `REPORT RequestId: x\tDuration: ${'1'.repeat(MB)}`],
  ['a REPORT with 1 MB of spaces between fields', `REPORT RequestId: x${' '.repeat(MB)}Duration: 1 ms`],
  ['a REPORT repeating one field 70,000 times', `REPORT RequestId: x\t${'Duration: 1 ms\t'.repeat(70_000)}`],
  ['an INIT_START of 1 MB labels', `INIT_START ${'Runtime Version: x '.repeat(55_000)}`],
  ['a timestamp and 1 MB of spaces', `${TS} ${' '.repeat(MB)}Task timed out after 1 seconds`],
  ['a JSON message of 1 MB', `{"message":"${'a'.repeat(MB)}"}`],
  ['a JSON object of 10,000 keys', `{${Array.from({ length: 10_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`],
  ['an object nested 100,000 levels', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ['an array nested 100,000 levels', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['an unclosed object nested 100,000 levels', `${'{"a":'.repeat(100_000)}}`],
  ['a Node.js line of 1 MB', `${TS}\t${RID}\tINFO\t${'x'.repeat(MB)}`],
  ['a Node.js Invoke Error of 1 MB', `${TS}\t${RID}\tERROR\tInvoke Error \t{"errorMessage":"${'x'.repeat(MB)}"}`],
  ['a Python exception of 500,000 lines', `[ERROR] KeyError: ${'x\n'.repeat(MB / 2)}`],
  ['a Python line of 1 MB without tabs', `[INFO]\t${'x'.repeat(MB)}`],
  ['a log4j timestamp and 1 MB', `2025-11-28 18:03:31 ${'x'.repeat(MB)}`],
  ...[1, 2, 3, 4].map((seed): [string, string] => [`64 KB of random bytes as UTF-8 (seed ${seed})`, garbage(seed, 65_536).toString('utf8')]),
  ...[5, 6].map((seed): [string, string] => [`64 KB of random bytes as Latin-1 (seed ${seed})`, garbage(seed, 65_536).toString('latin1')]),
  ...['REPORT RequestId: ', 'INIT_REPORT ', '{', `${TS}\t`, '[ERROR] ', '[INFO]\t', '2025-11-28 18:03:31 '].map((prefix): [string, string] => [
    `a ${JSON.stringify(prefix)} prefix before random bytes`,
    `${prefix}${garbage(prefix.length, 4096).toString('latin1')}`,
  ]),
];

describe('normalize: lambda parsers together', () => {
  it('tries the formats in the documented order', () => {
    expect(LAMBDA_PARSERS.map((p) => p.name)).toEqual(['lambda-platform', 'lambda-json', 'lambda-node', 'lambda-python', 'lambda-java', 'raw']);
  });

  it('parses each event of a text-format invocation with the parser of its format', () => {
    expect(payloadMessages('node-text-invocation.cwl.json').map((m) => parserOf(parseWithLambdaParsers(m)))).toEqual([
      'lambda-platform', 'lambda-node', 'lambda-platform', 'lambda-node', 'lambda-node', 'lambda-json', 'raw', 'lambda-node', 'lambda-platform', 'lambda-platform', 'lambda-platform',
    ]);
  });

  it('marks each line with who wrote it: Lambda (platform) or the function (application)', () => {
    const originOf = (m: string): unknown => {
      const outcome = parseWithLambdaParsers(m);
      return outcome.kind === 'skip' ? undefined : (outcome.fields as { aws?: { lambda?: { line?: string } } }).aws?.lambda?.line;
    };
    expect(payloadMessages('node-text-invocation.cwl.json').map(originOf)).toEqual([
      'platform', 'application', 'platform', 'application', 'application', 'application', 'application', 'application', 'platform', 'platform', 'platform',
    ]);
    expect(payloadMessages('json-format-invocation.cwl.json').map(originOf)).toEqual(['platform', 'platform', 'application', 'application', 'platform']);
  });

  it('parses each event of a JSON-format invocation, print() lines included', () => {
    expect(payloadMessages('json-format-invocation.cwl.json').map((m) => parserOf(parseWithLambdaParsers(m)))).toEqual(['lambda-json', 'lambda-json', 'lambda-json', 'raw', 'lambda-json']);
  });

  it('parses a CloudTrail-shaped record printed by a function as an application JSON record', () => {
    const line = readLambdaEvent('cloudtrail-printed.json');
    expect(parseWithLambdaParsers(line)).toStrictEqual(parsedAs('lambda-json', { json: JSON.parse(line) as Record<string, unknown>, aws: { lambda: { line: 'application' } } }));
    const event = normalizeRecord(lambdaRecord(line), normalizer) as Record<string, unknown> & { aws: Record<string, unknown> };
    expect(event).toMatchObject({ logwarden: { source: 'lambda', parser: 'lambda-json' }, json: { eventName: 'DeleteSubscriptionFilter' } });
    expect(event.aws.cloudtrail).toBeUndefined();
  });

  it.each(FORGED_LINES.map((line) => [line.slice(0, 60), line]))('emits no envelope field when a function prints %s…', (_name, line) => {
    const outcome = parseWithLambdaParsers(line);
    const fields = outcome.kind === 'skip' ? {} : (outcome.fields ?? {});
    expect(Object.keys(fields).filter((k) => !['message', 'event', 'log', 'faas', 'error', 'trace', 'span', 'service', 'aws', 'json'].includes(k))).toEqual([]);
    expect(Object.keys((fields.aws ?? {}) as object).filter((k) => k !== 'lambda')).toEqual([]);
    expect(Object.keys((fields.event ?? {}) as object).filter((k) => ['id', 'original', 'module', 'dataset', 'ingested'].includes(k))).toEqual([]);
    expect((fields.faas as { name?: unknown } | undefined)?.name).toBeUndefined();

    const record = lambdaRecord(line);
    expect(normalizeRecord(record, normalizer)).toMatchObject({
      '@timestamp': '2025-11-28T18:03:31.123Z',
      cloud: { account: { id: record.owner } },
      faas: { name: 'orders-api' },
      logwarden: { source: 'lambda' },
      aws: { cloudwatch: { log_group: record.logGroup, log_stream: record.logStream, event_id: record.id, owner: record.owner } },
    });
  });

  it.each(HOSTILE_LINES)('keeps %s without throwing or stalling', (_name, line) => {
    const started = process.hrtime.bigint();
    const outcome = parseWithLambdaParsers(line);
    const event = normalizeRecord(lambdaRecord(line), normalizer);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(outcome.kind === 'parsed' || outcome.kind === 'failed').toBe(true);
    expect(outcome.kind === 'failed' ? outcome.error.length : 0).toBeLessThan(200);
    expect(event.message.length).toBeGreaterThan(0);
    expect(event.logwarden.parse_error ?? '').not.toMatch(/validation|parser error/);
    // A quadratic scan of 1 MB would take minutes; this bound only catches that, not noise.
    expect(elapsedMs).toBeLessThan(1000);
  });
});
