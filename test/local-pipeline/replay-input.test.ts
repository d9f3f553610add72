import { gunzipSync } from 'node:zlib';
import { validatePayload } from '../../src/cloudwatch/subscription-payload';
import { replayPayloads } from '../../src/local-pipeline/replay-input';
import { toSubscriptionEvent } from '../../src/local-pipeline/subscription-event';

const MODIFIED = new Date('2026-03-01T12:00:00.000Z');
const NODE_LINES = [
  '2026-03-01T10:00:00.000Z\t8f5c1d2e-1111-4a3b-9c8d-000000000001\tINFO\tGET /orders 200',
  'a continuation line without a time',
  '',
  '2026-03-01T10:00:02.500Z\t8f5c1d2e-1111-4a3b-9c8d-000000000001\tERROR\tboom',
].join('\n');

describe('local pipeline: replay input', () => {
  it('turns lines into the log events of one stream, timed by the lines themselves', () => {
    const input = replayPayloads({ name: 'logs/app.log', text: NODE_LINES, modified: MODIFIED }, { format: 'lines', logGroup: '/aws/lambda/orders-api', owner: '123456789012' });
    if (!input.ok) throw new Error(input.error);
    expect(input.events).toBe(3);
    expect(input.payloads).toHaveLength(1);
    const [payload] = input.payloads;
    expect(payload).toMatchObject({ messageType: 'DATA_MESSAGE', owner: '123456789012', logGroup: '/aws/lambda/orders-api', logStream: 'replay/app.log', subscriptionFilters: ['logwarden-replay'] });
    const lines = NODE_LINES.split('\n').filter((l) => l !== '');
    expect(payload?.logEvents.map((e) => [new Date(e.timestamp).toISOString(), e.message])).toEqual([
      ['2026-03-01T10:00:00.000Z', lines[0]],
      ['2026-03-01T10:00:00.000Z', lines[1]],
      ['2026-03-01T10:00:02.500Z', lines[2]],
    ]);
    expect(validatePayload(payload).ok).toBe(true);
  });

  it('gives the same file the same event ids every time, and another file other ids', () => {
    const once = replayPayloads({ name: 'app.log', text: NODE_LINES, modified: MODIFIED }, { format: 'lines', logGroup: '/aws/lambda/a', owner: '123456789012' });
    const again = replayPayloads({ name: 'app.log', text: NODE_LINES, modified: new Date() }, { format: 'lines', logGroup: '/aws/lambda/a', owner: '123456789012' });
    const other = replayPayloads({ name: 'app.log', text: `${NODE_LINES}\nmore`, modified: MODIFIED }, { format: 'lines', logGroup: '/aws/lambda/a', owner: '123456789012' });
    const ids = (i: typeof once) => (i.ok ? i.payloads.flatMap((p) => p.logEvents.map((e) => e.id)) : []);
    expect(ids(once)).toHaveLength(3);
    expect(new Set(ids(once)).size).toBe(3);
    expect(ids(again)).toEqual(ids(once));
    expect(ids(other).slice(0, 3)).not.toEqual(ids(once));
  });

  it('reads NDJSON records (CloudTrail) with their eventTime, and names the line that is not JSON', () => {
    const record = { eventVersion: '1.09', eventTime: '2026-03-01T09:30:00Z', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser' };
    const input = replayPayloads({ name: 'ct.ndjson', text: `${JSON.stringify(record)}\n`, modified: MODIFIED }, { format: 'ndjson', logGroup: 'aws-cloudtrail-logs-1', owner: '123456789012' });
    expect(input.ok && input.payloads[0]?.logEvents[0]).toMatchObject({ timestamp: Date.parse('2026-03-01T09:30:00Z'), message: JSON.stringify(record) });
    const bad = replayPayloads({ name: 'ct.ndjson', text: `${JSON.stringify(record)}\nnot json\n`, modified: MODIFIED }, { format: 'ndjson', logGroup: 'g', owner: '123456789012' });
    expect(bad).toEqual({ ok: false, error: 'ct.ndjson:2: not a JSON object (use --format lines for plain log lines)' });
  });

  it("attributes NDJSON CloudTrail records to their own account's trail unless an owner is given", () => {
    const record = { eventVersion: '1.09', eventTime: '2026-03-01T09:30:00Z', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', recipientAccountId: '111122223333' };
    const file = { name: 'ct.ndjson', text: `${JSON.stringify(record)}\n`, modified: MODIFIED };
    const own = replayPayloads(file, { format: 'ndjson', logGroup: 'aws-cloudtrail-logs-1' });
    expect(own.ok && own.payloads[0]?.owner).toBe('111122223333');
    const given = replayPayloads(file, { format: 'ndjson', logGroup: 'aws-cloudtrail-logs-1', owner: '444455556666' });
    expect(given.ok && given.payloads[0]?.owner).toBe('444455556666');
    const lines = replayPayloads({ ...file, name: 'app.log' }, { format: 'lines', logGroup: '/aws/lambda/x' });
    expect(lines.ok && lines.payloads[0]?.owner).toBe('000000000000');
  });

  it('replays saved subscription payloads as they are, decoded or in awslogs form', () => {
    const payload = { messageType: 'DATA_MESSAGE', owner: '123456789012', logGroup: '/aws/lambda/x', logStream: 's', subscriptionFilters: ['f'], logEvents: [{ id: '1', timestamp: 1, message: 'hello' }] };
    const text = `${JSON.stringify(payload)}\n${JSON.stringify(toSubscriptionEvent(payload as never))}\n`;
    const input = replayPayloads({ name: 'saved.ndjson', text, modified: MODIFIED }, { format: 'cwl', logGroup: 'ignored', owner: '0' });
    expect(input).toEqual({ ok: true, payloads: [payload, payload], events: 2 });
    const bad = replayPayloads({ name: 'saved.ndjson', text: '{"messageType":"DATA_MESSAGE"}\n', modified: MODIFIED }, { format: 'cwl', logGroup: 'g', owner: '0' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^saved\.ndjson:1: not a CloudWatch Logs subscription payload/);
  });

  it('encodes a payload as CloudWatch Logs invokes a function: gzip, then base64', () => {
    const payload = { messageType: 'DATA_MESSAGE', owner: '1', logGroup: 'g', logStream: 's', subscriptionFilters: ['f'], logEvents: [] };
    const event = toSubscriptionEvent(payload as never);
    expect(JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8'))).toEqual(payload);
  });
});
