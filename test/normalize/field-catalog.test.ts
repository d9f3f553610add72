import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createNormalizer } from '../../src/normalize/create-normalizer';
import { FieldCatalog } from '../../src/normalize/field-catalog';
import { normalizeRecord } from '../../src/normalize/normalize-record';
import type { SourceType } from '../../src/schemas/normalized-event';
import { SOURCE_TYPES } from '../../src/schemas/normalized-event';

const EVENTS = path.join(__dirname, '..', 'events');
const GROUPS: Record<string, string> = {
  lambda: '/aws/lambda/orders-api',
  cloudtrail: 'aws-cloudtrail-logs-123456789012',
  vpcflow: '/aws/vpc/flow-logs-prod',
  apigateway: '/aws/apigateway/access-logs-prod',
};

/** Every message of the fixture logs of a source, as CloudWatch would deliver it. */
function messagesOf(source: string): string[] {
  const dir = path.join(EVENTS, source);
  return readdirSync(dir).flatMap((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (file.endsWith('.cwl.json')) return (JSON.parse(text) as { logEvents: { message: string }[] }).logEvents.map((e) => e.message);
    if (file.endsWith('.json')) return [JSON.stringify(JSON.parse(text))];
    if (source === 'lambda') return [text];
    return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  });
}

function leafPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leafPaths(child, prefix === '' ? key : `${prefix}.${key}`, out);
  } else {
    out.add(prefix);
  }
  return out;
}

const normalizer = createNormalizer();
const catalog = new FieldCatalog();

describe('normalize: the field catalog rules are checked against', () => {
  it.each(Object.entries(GROUPS))('lists every field the normalizer produces for %s fixtures', (source, logGroup) => {
    const fields = new Set<string>();
    messagesOf(source).forEach((message, i) => {
      const event = normalizeRecord({ v: 1, owner: '123456789012', logGroup, logStream: 's', subscriptionFilters: ['f'], id: String(i), timestamp: 0, message }, normalizer);
      expect(event.logwarden.source).toBe(source);
      leafPaths(event, '', fields);
    });
    expect(fields.size).toBeGreaterThan(15);
    expect([...fields].filter((field) => !catalog.has(source as SourceType, field))).toEqual([]);
  });

  it('lists every field of generic application logs (JSON, syslog, text)', () => {
    const fields = new Set<string>();
    const lines = ['{"level":"error","msg":"payment failed","error":{"type":"Timeout","message":"upstream"},"order":{"id":7}}', '<13>1 2026-01-15T10:00:00Z web-1 nginx 812 - - GET /', 'ERROR db connection refused'];
    lines.forEach((message, i) => {
      leafPaths(normalizeRecord({ v: 1, owner: '123456789012', logGroup: '/ecs/orders', logStream: 's', subscriptionFilters: ['f'], id: String(i), timestamp: 0, message }, normalizer), '', fields);
    });
    expect([...fields].filter((field) => !catalog.has('application', field))).toEqual([]);
  });

  it('accepts fields under a subtree kept as logged, and the objects on the way to a field', () => {
    expect(catalog.has('cloudtrail', 'aws.cloudtrail.requestParameters.bucketPolicy.Statement.Principal')).toBe(true);
    expect(catalog.has('lambda', 'json.http.userAgent')).toBe(true);
    expect(catalog.has('lambda', 'aws.lambda')).toBe(true);
    expect(catalog.has('lambda', 'aws.cloudwatch.log_group')).toBe(true);
  });

  it('rejects fields a source never has, and near misses of real ones', () => {
    expect(catalog.has('lambda', 'aws.cloudtrail.eventName')).toBe(false);
    expect(catalog.has('cloudtrail', 'json.eventName')).toBe(false);
    expect(catalog.has('lambda', 'url.original')).toBe(false);
    expect(catalog.has('lambda', 'aws.lambda.memory_exhaust')).toBe(false);
    expect(catalog.has('cloudtrail', 'eventName')).toBe(false);
    expect(catalog.has('vpcflow', 'http.request.method')).toBe(false);
  });

  it('is documented: docs/logsources.md names every field and open subtree of every source', () => {
    const docs = readFileSync(path.join(__dirname, '..', '..', 'docs', 'logsources.md'), 'utf8');
    const missing = SOURCE_TYPES.flatMap((source) => [...catalog.listed(source), ...catalog.openSubtrees(source)].filter((field) => !docs.includes(`\`${field}\``)));
    expect([...new Set(missing)]).toEqual([]);
  });
});
