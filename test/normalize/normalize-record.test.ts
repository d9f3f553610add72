import { createSourceClassifier } from '../../src/normalize/classify-source';
import { parseNormalizeConfig } from '../../src/normalize/config';
import type { Normalizer } from '../../src/normalize/normalize-record';
import { normalizeRecord } from '../../src/normalize/normalize-record';
import type { LogParser, ParseOutcome } from '../../src/normalize/parser';
import { SKIP } from '../../src/normalize/parser';
import type { LogRecord } from '../../src/schemas/log-record';

const record = (overrides: Partial<LogRecord> = {}): LogRecord => ({
  v: 1,
  owner: '111122223333',
  logGroup: '/aws/lambda/orders-api',
  logStream: '2025/11/28/[$LATEST]5f1c0d9e',
  subscriptionFilters: ['logwarden'],
  id: '38313418839012867455930412457416470391848265717092220928',
  timestamp: 1764353011123,
  message: 'hello world\n',
  ...overrides,
});

function parser(name: string, outcome: (message: string) => ParseOutcome): LogParser {
  return { name, parse: ({ message }) => outcome(message) };
}

function normalizer(parsers: readonly LogParser[], config = parseNormalizeConfig({})): Normalizer {
  return { config, classifier: createSourceClassifier(config), parsers: { lambda: parsers, cloudtrail: parsers, vpcflow: parsers, apigateway: parsers, application: parsers } };
}

describe('normalize: one event per log record', () => {
  it('builds the event from the envelope when no parser recognises the line', () => {
    const event = normalizeRecord(record(), normalizer([parser('never', () => SKIP)]));
    expect(event).toEqual({
      '@timestamp': '2025-11-28T18:03:31.123Z',
      message: 'hello world',
      event: { id: expect.stringMatching(/^[A-Za-z0-9_-]{27}$/), kind: 'event', module: 'aws', dataset: 'aws.lambda', original: 'hello world\n' },
      cloud: { provider: 'aws', account: { id: '111122223333' } },
      aws: { cloudwatch: { log_group: '/aws/lambda/orders-api', log_stream: '2025/11/28/[$LATEST]5f1c0d9e', event_id: '38313418839012867455930412457416470391848265717092220928', owner: '111122223333', subscription_filters: ['logwarden'] } },
      faas: { name: 'orders-api' },
      logwarden: { source: 'lambda', parser: 'raw' },
    });
  });

  it('gives the same log event the same id every time, and different events different ids', () => {
    const n = normalizer([]);
    expect(normalizeRecord(record(), n).event.id).toBe(normalizeRecord(record(), n).event.id);
    expect(normalizeRecord(record({ id: '2' }), n).event.id).not.toBe(normalizeRecord(record(), n).event.id);
    expect(normalizeRecord(record({ logStream: 'other' }), n).event.id).not.toBe(normalizeRecord(record(), n).event.id);
  });

  it('merges the first parser that recognises the line and stops there', () => {
    const n = normalizer([
      parser('skips', () => SKIP),
      parser('first', () => ({ kind: 'parsed', parser: 'first', fields: { log: { level: 'INFO' }, event: { action: 'greet' } } })),
      parser('second', () => ({ kind: 'parsed', parser: 'second', fields: { log: { level: 'ERROR' } } })),
    ]);
    const event = normalizeRecord(record(), n);
    expect(event.log).toEqual({ level: 'INFO' });
    expect(event.event.action).toBe('greet');
    expect(event.event.kind).toBe('event');
    expect(event.logwarden.parser).toBe('first');
  });

  it('keeps a line that breaks its format, with the reason', () => {
    const event = normalizeRecord(record(), normalizer([parser('cloudtrail', () => ({ kind: 'failed', parser: 'cloudtrail', error: 'invalid JSON at 3' }))]));
    expect(event.logwarden).toEqual({ source: 'lambda', parser: 'cloudtrail', parse_error: 'invalid JSON at 3' });
    expect(event.message).toBe('hello world');
  });

  it('keeps the line when a parser throws', () => {
    const event = normalizeRecord(record(), normalizer([parser('buggy', () => { throw new Error('boom'); })]));
    expect(event.logwarden.parse_error).toBe('parser error: boom');
  });

  it('never lets message content change where the event came from', () => {
    const forged = parser('forger', () => ({
      kind: 'parsed',
      parser: 'forger',
      fields: { event: { id: 'forged', module: 'evil', original: 'x', dataset: 'aws.cloudtrail' }, cloud: { account: { id: '999999999999' } }, aws: { cloudwatch: { log_group: 'CloudTrail/x' } }, logwarden: { source: 'cloudtrail' } },
    }));
    const event = normalizeRecord(record(), normalizer([forged]));
    expect(event.event).toMatchObject({ module: 'aws', dataset: 'aws.lambda', original: 'hello world\n' });
    expect(event.event.id).not.toBe('forged');
    expect(event.cloud.account.id).toBe('111122223333');
    expect(event.aws.cloudwatch.log_group).toBe('/aws/lambda/orders-api');
    expect(event.logwarden.source).toBe('lambda');
  });

  it('falls back to the envelope-only event when a parser produces a wrongly typed field', () => {
    const event = normalizeRecord(record(), normalizer([parser('bad', () => ({ kind: 'parsed', parser: 'bad', fields: { '@timestamp': 42 } }))]));
    expect(event['@timestamp']).toBe('2025-11-28T18:03:31.123Z');
    expect(event.logwarden.parse_error).toMatch(/failed validation at @timestamp/);
  });

  it('reports duplicate keys a parser found', () => {
    const event = normalizeRecord(record(), normalizer([parser('json', () => ({ kind: 'parsed', parser: 'json', fields: {}, duplicateKeys: ['status'] }))]));
    expect(event.logwarden.duplicate_keys).toEqual(['status']);
  });

  it('classifies the source from the log group only', () => {
    const n = normalizer([]);
    expect(normalizeRecord(record({ logGroup: 'aws-cloudtrail-logs-111122223333-abc' }), n).logwarden.source).toBe('cloudtrail');
    expect(normalizeRecord(record({ logGroup: '/aws/vpc/flow-logs/prod' }), n).logwarden.source).toBe('vpcflow');
    expect(normalizeRecord(record({ logGroup: 'API-Gateway-Access-Logs_abc/prod' }), n).logwarden.source).toBe('apigateway');
    expect(normalizeRecord(record({ logGroup: '/ecs/web', message: '{"eventVersion":"1.09","eventSource":"iam.amazonaws.com"}' }), n).logwarden.source).toBe('application');
  });

  it('lets configured log groups override the defaults', () => {
    const config = parseNormalizeConfig({ sources: [{ type: 'cloudtrail', logGroups: ['/org/trail'] }, { type: 'application', logGroups: ['/aws/lambda/legacy-*'] }] });
    const n = normalizer([], config);
    expect(normalizeRecord(record({ logGroup: '/org/trail' }), n).logwarden.source).toBe('cloudtrail');
    expect(normalizeRecord(record({ logGroup: '/aws/lambda/legacy-app' }), n).logwarden.source).toBe('application');
  });

  it('marks the parts of a split message and keeps their ids distinct', () => {
    const n = normalizer([]);
    const a = normalizeRecord(record({ part: { index: 0, count: 2 } }), n);
    const b = normalizeRecord(record({ part: { index: 1, count: 2 } }), n);
    expect(a.logwarden.part).toEqual({ index: 0, count: 2 });
    expect(a.event.id).not.toBe(b.event.id);
  });
});
