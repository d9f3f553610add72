import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { CONTROL_PAYLOAD, kinesisRecord, subscriptionEvent } from '../factories/kinesis-events';
import { packagedStack } from './support/packaged-stack';
import type { PackagedStack } from './support/packaged-stack';
import { FUNCTIONS, props } from './support/template-queries';

jest.setTimeout(300_000);

type Handler = (event: unknown, context: { getRemainingTimeInMillis(): number }) => Promise<unknown>;

let stack: PackagedStack;
let unpacked: string;
beforeAll(async () => {
  stack = await packagedStack();
  unpacked = mkdtempSync(path.join(tmpdir(), 'logwarden-bundles-'));
});
afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

const context = { getRemainingTimeInMillis: () => 60_000 };
afterEach(() => jest.restoreAllMocks());

/** Unzips a function's artifact, as Lambda does into /var/task. */
function unzip(name: string): string {
  const dir = path.join(unpacked, name);
  execFileSync('unzip', ['-q', '-o', path.join(stack.dir, `${name}.zip`), '-d', dir]);
  return dir;
}

/** Loads the packaged handler with the environment it runs with: the AWS SDK is inside the bundle. */
function loadHandler(name: string, env: Record<string, string>): Handler {
  const dir = unzip(name);
  Object.assign(process.env, { LOGWARDEN_RAW_STREAM: 'logwarden-ci-raw', LOGWARDEN_NORMALIZED_STREAM: 'logwarden-ci-normalized', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIAPLACEHOLDER00000', AWS_SECRET_ACCESS_KEY: 'placeholder', ...env });
  let handler: Handler | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a packaged CommonJS bundle, loaded as Lambda loads it
    handler = (require(path.join(dir, 'functions', name, 'handler.js')) as { handler: Handler }).handler;
  });
  if (handler === undefined) throw new Error(`${name}: no handler export`);
  return handler;
}

function deadLetters(dir: string, stage: string): { stage: string; reason: string }[] {
  const file = path.join(dir, `${stage}.ndjson`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { stage: string; reason: string });
}

// Nothing listens on port 1 of loopback: a call that escaped would fail, never reach AWS.
const NOWHERE = 'http://127.0.0.1:1';

describe('deploy package: the function bundles load and run', () => {
  it('packages each function as its own bundle, self-contained, with the rules bundle only in detect and the routing only in respond', () => {
    for (const f of FUNCTIONS) {
      const files = listFiles(unzip(f.name));
      expect(files).toContain(`functions/${f.name}/handler.js`);
      expect(files.filter((file) => file.includes('node_modules'))).toEqual([]);
      expect(files.includes('dist/detections.json')).toBe(f.name === 'detect');
      expect(files.includes('detections/responses.yml')).toBe(f.name === 'respond');
    }
  });

  it('forward acknowledges a control message without writing anything', async () => {
    const dlq = mkdtempSync(path.join(unpacked, 'dlq-'));
    const handler = loadHandler('forward', { LOGWARDEN_DLQ_DIR: dlq, KINESIS_ENDPOINT: NOWHERE });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(handler(subscriptionEvent(CONTROL_PAYLOAD), context)).resolves.toMatchObject({ kind: 'control-message' });
    expect(deadLetters(dlq, 'forward')).toEqual([]);
  });

  it('normalize dead-letters an undecodable record and reports the batch as processed', async () => {
    const dlq = mkdtempSync(path.join(unpacked, 'dlq-'));
    const handler = loadHandler('normalize', { LOGWARDEN_DLQ_DIR: dlq, KINESIS_ENDPOINT: NOWHERE });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const response = (await handler({ Records: [kinesisRecord('not gzip, not a subscription payload')] }, context)) as BatchResponse;
    expect(response).toEqual({ batchItemFailures: [] });
    expect(deadLetters(dlq, 'normalize')).toEqual([expect.objectContaining({ stage: 'normalize' })]);
  });

  it.each([
    { name: 'detect', id: 'DetectLambdaFunction', packagedFile: 'LOGWARDEN_DETECTIONS_BUNDLE' },
    { name: 'index-events', id: 'IndexDasheventsLambdaFunction', packagedFile: undefined },
    { name: 'respond', id: 'RespondLambdaFunction', packagedFile: 'LOGWARDEN_RESPONSES_FILE' },
  ])('$name loads (with the file it packages) and asks for redelivery while OpenSearch is unreachable', async ({ name, id, packagedFile }) => {
    const dlq = mkdtempSync(path.join(unpacked, 'dlq-'));
    const variables = (props(stack.template, id)['Environment'] as { Variables: Record<string, unknown> }).Variables;
    const env: Record<string, string> = { LOGWARDEN_DLQ_DIR: dlq, OPENSEARCH_URL: 'http://127.0.0.1:1', OPENSEARCH_AUTH: 'none', OPENSEARCH_REQUEST_TIMEOUT_MS: '1000', DYNAMODB_ENDPOINT: NOWHERE };
    if (packagedFile !== undefined) {
      // The template names the file relative to the function's root (/var/task in Lambda).
      const relative = variables[packagedFile];
      if (typeof relative !== 'string') throw new Error(`${name}: ${packagedFile} is not a path in the template`);
      env[packagedFile] = path.join(unpacked, name, relative);
    }
    const handler = loadHandler(name, env);
    const record = kinesisRecord(JSON.stringify({ message: 'hello' }));
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(handler({ Records: [] }, context)).resolves.toEqual({ batchItemFailures: [] });
    await expect(handler({ Records: [record] }, context)).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: record.kinesis.sequenceNumber }] });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('OpenSearch is not ready'));
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(dir, relative) : [relative];
  });
}
