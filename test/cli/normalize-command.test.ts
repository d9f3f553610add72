import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from './cli-io';
import { CONTROL_PAYLOAD, subscriptionPayload } from '../factories/kinesis-events';

interface Printed {
  message: string;
  event: { original: string; action?: string };
  logwarden: { source: string; parser: string; parse_error?: string };
  aws: { cloudwatch: { log_group: string } };
  [key: string]: unknown;
}

const lines = (stdout: string): Printed[] => stdout.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Printed);

describe('cli: normalize', () => {
  it('normalizes plain lines as if from a Lambda log group', async () => {
    const input = ['START RequestId: 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0 Version: $LATEST', 'just a print() line', ''].join('\n');
    const result = await run(['normalize', '--log-group', '/aws/lambda/orders-api'], input);
    const events = lines(result.stdout);
    expect(result.code).toBe(0);
    expect(events.map((e) => [e.logwarden.source, e.logwarden.parser, e.message])).toEqual([
      ['lambda', 'lambda-platform', 'START RequestId: 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0 Version: $LATEST'],
      ['lambda', 'raw', 'just a print() line'],
    ]);
    expect(result.stderr).toBe('normalized 2 event(s) from 2 line(s)\n');
  });

  it('reads NDJSON records as messages of the given log group', async () => {
    const trail = { eventVersion: '1.09', eventTime: '2025-11-28T18:02:44Z', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', userIdentity: { type: 'Root' }, recipientAccountId: '000000000000' };
    const result = await run(['normalize', '--format', 'ndjson', '--log-group', 'aws-cloudtrail-logs-000000000000'], `${JSON.stringify(trail)}\n\n`);
    const [event] = lines(result.stdout);
    expect(event).toMatchObject({ logwarden: { source: 'cloudtrail', parser: 'cloudtrail' }, event: { action: 'ConsoleLogin' }, aws: { cloudtrail: { userIdentity: { type: 'Root' } } } });
  });

  it("takes an NDJSON CloudTrail record as its own account's unless --account says otherwise", async () => {
    const trail = { eventVersion: '1.09', eventTime: '2025-11-28T18:02:44Z', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', userIdentity: { type: 'IAMUser' }, recipientAccountId: '111122223333' };
    const own = lines((await run(['normalize', '--format', 'ndjson', '--log-group', 'aws-cloudtrail-logs-1'], `${JSON.stringify(trail)}\n`)).stdout);
    expect(own[0]).toMatchObject({ cloud: { account: { id: '111122223333' } }, logwarden: { parser: 'cloudtrail' } });
    expect(own[0]?.logwarden.parse_error).toBeUndefined();
    const other = lines((await run(['normalize', '--format', 'ndjson', '--account', '444455556666', '--log-group', 'aws-cloudtrail-logs-1'], `${JSON.stringify(trail)}\n`)).stdout);
    expect(other[0]?.logwarden.parse_error).toContain('possibly forged CloudTrail event');
  });

  it('expands subscription payloads, decoded or in awslogs.data form, and skips control messages', async () => {
    const decoded = JSON.stringify(subscriptionPayload({}, ['a\n', 'b\n']));
    const encoded = JSON.stringify({ awslogs: { data: gzipSync(JSON.stringify(subscriptionPayload({ logGroup: '/ecs/web' }, ['c\n']))).toString('base64') } });
    const result = await run(['normalize', '--format', 'cwl'], [decoded, encoded, JSON.stringify(CONTROL_PAYLOAD)].join('\n'));
    expect(lines(result.stdout).map((e) => [e.aws.cloudwatch.log_group, e.message])).toEqual([
      ['/aws/lambda/orders-api', 'a'],
      ['/aws/lambda/orders-api', 'b'],
      ['/ecs/web', 'c'],
    ]);
  });

  it('reports lines that are not payloads with their number and exits non-zero', async () => {
    const result = await run(['normalize', '--format', 'cwl'], `{"nope": true}\nnot json\n${JSON.stringify(subscriptionPayload())}\n`);
    expect(lines(result.stdout)).toHaveLength(1);
    expect(result.stderr).toMatch(/line 1: not a CloudWatch Logs subscription payload/);
    expect(result.stderr).toMatch(/line 2: not valid JSON/);
    expect(result.code).toBe(1);
  });

  it('applies a configuration file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    writeFileSync(`${dir}/config.json`, JSON.stringify({ sources: [{ type: 'cloudtrail', logGroups: ['/org/trail'] }] }));
    const result = await run(['normalize', '--log-group', '/org/trail', '--config', `${dir}/config.json`], 'not json\n');
    expect(lines(result.stdout)[0]?.logwarden).toMatchObject({ source: 'cloudtrail', parse_error: expect.stringMatching(/invalid JSON/) });
  });

  it('rejects an unknown format', async () => {
    const result = await run(['normalize', '--format', 'xml'], '');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are lines, ndjson, cwl/);
  });
});
