import { createHash } from 'node:crypto';
import { validatePayload } from '../../src/cloudwatch/subscription-payload';
import { CLOUDWATCH_LIMITS, DEFAULT_SAMPLE_SEED, DEFAULT_SAMPLE_START, describeSample, generateSampleDay } from '../../src/samples';

const DAY_MS = 24 * 60 * 60 * 1000;
const sample = generateSampleDay();
const start = DEFAULT_SAMPLE_START.getTime();
const events = sample.payloads.flatMap((p) => p.logEvents.map((e) => ({ ...e, logGroup: p.logGroup, logStream: p.logStream })));
const lambdaEvents = events.filter((e) => e.logGroup.startsWith('/aws/lambda/'));
const trailGroup = sample.summary.logGroups.find((g) => g.source === 'cloudtrail')?.logGroup ?? '';

describe('samples: generateSampleDay determinism', () => {
  it('returns byte-for-byte the same sample for the same seed', () => {
    expect(JSON.stringify(generateSampleDay({ seed: DEFAULT_SAMPLE_SEED }))).toBe(JSON.stringify(sample));
  });

  it('returns a different sample for another seed, telling the same story', () => {
    const other = generateSampleDay({ seed: 7 });
    expect(JSON.stringify(other.payloads)).not.toBe(JSON.stringify(sample.payloads));
    expect(new Set(other.summary.attacks.map((a) => a.kind))).toEqual(new Set(sample.summary.attacks.map((a) => a.kind)));
    expect(new Set(other.summary.incidents.map((a) => a.kind))).toEqual(new Set(sample.summary.incidents.map((a) => a.kind)));
  });

  it('keeps the default sample stable (update this digest only when changing the sample on purpose)', () => {
    const digest = createHash('sha256').update(JSON.stringify(sample.payloads)).digest('hex');
    expect(digest).toBe(PINNED_DIGEST);
  });
});

describe('samples: generateSampleDay volume and options', () => {
  it('holds a few thousand log events at the default scale, never more than 8,000', () => {
    expect(sample.summary.logEvents).toBe(events.length);
    expect(events.length).toBeGreaterThanOrEqual(3_000);
    expect(events.length).toBeLessThanOrEqual(8_000);
  });

  it('covers five functions and one CloudTrail log group, each with events', () => {
    expect(sample.summary.logGroups.map((g) => g.logGroup)).toEqual([
      '/aws/lambda/auth-service',
      '/aws/lambda/orders-api',
      '/aws/lambda/payments-worker',
      '/aws/lambda/report-generator',
      '/aws/lambda/thumbnailer',
      expect.stringMatching(/^aws-cloudtrail-logs-111122223333-[0-9a-f]{8}$/),
    ]);
    for (const group of sample.summary.logGroups) expect(group.logEvents).toBeGreaterThan(100);
  });

  it('scales normal traffic and keeps every injected attack', () => {
    const small = generateSampleDay({ scale: 0.25 });
    const large = generateSampleDay({ scale: 2 });
    expect(small.summary.logEvents).toBeLessThan(sample.summary.logEvents * 0.6);
    expect(large.summary.logEvents).toBeGreaterThan(sample.summary.logEvents * 1.5);
    const kinds = (s: typeof sample) => new Set(s.summary.attacks.map((a) => a.kind));
    expect(kinds(small)).toEqual(kinds(sample));
    expect(kinds(large)).toEqual(kinds(sample));
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateSampleDay({ scale: 0 })).toThrow(RangeError);
    expect(() => generateSampleDay({ scale: Number.NaN })).toThrow(RangeError);
    expect(() => generateSampleDay({ seed: 1.5 })).toThrow(RangeError);
    expect(() => generateSampleDay({ start: new Date('not a date') })).toThrow(RangeError);
  });

  it('describes itself in one line', () => {
    expect(describeSample(sample)).toMatch(/^[\d,]+ log events in [\d,]+ subscription payloads from 6 log groups \([\d,]+ Lambda, [\d,]+ CloudTrail\), 2026-01-15T00:00Z to 2026-01-16T00:00Z, seed 20260115, with \d+ kinds of attack injected$/);
  });
});

describe('samples: generateSampleDay time', () => {
  it('spreads events over the 24 hours after the start', () => {
    const times = events.map((e) => e.timestamp);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
    expect(Math.min(...times)).toBeLessThan(start + 60 * 60 * 1000);
    expect(Math.max(...times)).toBeLessThan(start + DAY_MS);
    expect(Math.max(...times)).toBeGreaterThan(start + DAY_MS - 60 * 60 * 1000);
  });

  it('moves with the start option, log stream dates included', () => {
    const june = generateSampleDay({ start: new Date('2025-06-01T00:00:00Z'), scale: 0.25 });
    const first = june.payloads[0]?.logEvents[0]?.timestamp ?? 0;
    expect(first).toBeGreaterThanOrEqual(Date.parse('2025-06-01T00:00:00Z'));
    const lambdaStreams = june.payloads.filter((p) => p.logGroup.startsWith('/aws/lambda/')).map((p) => p.logStream);
    expect(lambdaStreams.every((s) => s.startsWith('2025/06/01/[$LATEST]'))).toBe(true);
  });

  it('orders payloads by their first event and the events of a payload by time', () => {
    const firsts = sample.payloads.map((p) => p.logEvents[0]?.timestamp ?? 0);
    expect(firsts.filter((t, i) => i > 0 && t < (firsts[i - 1] ?? 0))).toEqual([]);
    const outOfOrder = sample.payloads.filter((p) => p.logEvents.some((e, i) => i > 0 && e.timestamp < (p.logEvents[i - 1]?.timestamp ?? 0)));
    expect(outOfOrder).toEqual([]);
  });

  it('has a daily rhythm: more invocations in the evening than at night', () => {
    const startsBetween = (from: number, to: number) =>
      lambdaEvents.filter((e) => /^START |"type":"platform\.start"/.test(e.message) && e.timestamp >= start + from * 3_600_000 && e.timestamp < start + to * 3_600_000).length;
    expect(startsBetween(16, 20)).toBeGreaterThan(3 * startsBetween(1, 5));
  });
});

describe('samples: generateSampleDay payloads, as CloudWatch Logs builds them', () => {
  it('validate against the subscription payload schema forward uses', () => {
    const invalid = sample.payloads.map((p) => validatePayload(JSON.parse(JSON.stringify(p)))).filter((r) => !r.ok);
    expect(invalid).toEqual([]);
  });

  it('are data messages of one log stream, from the sample account, for the logwarden filter', () => {
    const shapes = new Set(sample.payloads.map((p) => JSON.stringify([Object.keys(p), p.messageType, p.owner, p.subscriptionFilters, p.logEvents.length > 0])));
    expect([...shapes]).toEqual([JSON.stringify([['messageType', 'owner', 'logGroup', 'logStream', 'subscriptionFilters', 'logEvents'], 'DATA_MESSAGE', '111122223333', ['logwarden'], true])]);
  });

  it('stay within CloudWatch limits', () => {
    const bytesOf = (p: (typeof sample.payloads)[number]) => p.logEvents.reduce((n, e) => n + Buffer.byteLength(e.message) + CLOUDWATCH_LIMITS.eventOverheadBytes, 0);
    expect(Math.max(...sample.payloads.map((p) => p.logEvents.length))).toBeLessThanOrEqual(CLOUDWATCH_LIMITS.maxEventsPerPayload);
    expect(Math.max(...sample.payloads.map(bytesOf))).toBeLessThanOrEqual(CLOUDWATCH_LIMITS.maxPayloadBytes);
    expect(Math.max(...events.map((e) => Buffer.byteLength(e.message)))).toBeLessThanOrEqual(CLOUDWATCH_LIMITS.maxEventBytes);
  });

  it('give every log event a unique 56-digit id carrying its timestamp, counting up within a payload', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => !/^\d{56}$/.test(e.id) || Number(BigInt(e.id) >> 144n) !== e.timestamp)).toEqual([]);
    const notCounting = sample.payloads.filter((p) => p.logEvents.some((e, i) => i > 0 && BigInt(e.id) <= BigInt(p.logEvents[i - 1]?.id ?? '0')));
    expect(notCounting).toEqual([]);
  });

  it('batch a log stream the way it is written: one invocation per payload, CloudTrail every few minutes', () => {
    const lambdaPayloads = sample.payloads.filter((p) => p.logGroup.startsWith('/aws/lambda/'));
    for (const p of lambdaPayloads) expect((p.logEvents.at(-1)?.timestamp ?? 0) - (p.logEvents[0]?.timestamp ?? 0)).toBeLessThanOrEqual(60_000);
    const trail = sample.payloads.filter((p) => p.logGroup === trailGroup);
    expect(trail.reduce((n, p) => n + p.logEvents.length, 0) / trail.length).toBeGreaterThan(2);
  });

  it('name Lambda streams after execution environments and CloudTrail streams after account and region', () => {
    const streams = new Set(sample.payloads.map((p) => `${p.logGroup === trailGroup ? 'trail' : 'lambda'} ${p.logStream}`));
    const odd = [...streams].filter((s) => !/^(trail 111122223333_CloudTrail_(eu-west-1|us-east-1)|lambda 2026\/01\/15\/\[\$LATEST\][0-9a-f]{32})$/.test(s));
    expect(odd).toEqual([]);
    expect(streams).toContain('trail 111122223333_CloudTrail_us-east-1');
  });

  it('end messages the way the runtimes write them', () => {
    const isText = (e: { logGroup: string }) => e.logGroup !== '/aws/lambda/auth-service' && e.logGroup.startsWith('/aws/lambda/');
    // Platform lines and text-format runtime lines end with a newline; REPORT with a tab before it.
    const platform = lambdaEvents.filter((x) => isText(x) && /^(START|END|REPORT|INIT_START|INIT_REPORT) /.test(x.message));
    expect(platform.filter((e) => !e.message.endsWith('\n'))).toEqual([]);
    expect(lambdaEvents.filter((x) => x.message.startsWith('REPORT ') && !x.message.endsWith('\t\n'))).toEqual([]);
    const nodeText = lambdaEvents.filter((x) => isText(x) && /^\d{4}-\d\d-\d\dT[\d:.]+Z\t/.test(x.message));
    expect(nodeText.length).toBeGreaterThan(500);
    expect(nodeText.filter((e) => !e.message.endsWith('\n'))).toEqual([]);
    // The JSON format and Python's traceback event (written as one frame) have no trailing newline.
    expect(lambdaEvents.filter((x) => x.logGroup === '/aws/lambda/auth-service' && !x.message.endsWith('}'))).toEqual([]);
    const tracebacks = lambdaEvents.filter((x) => x.message.startsWith('[ERROR] ') && x.message.includes('Traceback (most recent call last):'));
    expect(tracebacks.length).toBeGreaterThan(0);
    for (const e of tracebacks) expect(e.message.endsWith('\n')).toBe(false);
  });

  it('stop delivering orders-api once the subscription filter is deleted', () => {
    const deletion = events.find((e) => e.logGroup === trailGroup && e.message.includes('"DeleteSubscriptionFilter"'));
    expect(deletion).toBeDefined();
    const lastOrders = Math.max(...events.filter((e) => e.logGroup === '/aws/lambda/orders-api').map((e) => e.timestamp));
    expect(lastOrders).toBeLessThanOrEqual(deletion?.timestamp ?? 0);
    expect(sample.summary.notes.join(' ')).toContain('/aws/lambda/orders-api: nothing after');
  });
});

describe('samples: generateSampleDay summary', () => {
  it('counts each log group as the payloads do', () => {
    for (const group of sample.summary.logGroups) {
      const payloads = sample.payloads.filter((p) => p.logGroup === group.logGroup);
      expect(group.payloads).toBe(payloads.length);
      expect(group.logEvents).toBe(payloads.reduce((n, p) => n + p.logEvents.length, 0));
      expect(group.logStreams).toBe(new Set(payloads.map((p) => p.logStream)).size);
    }
    expect(sample.summary.sources.lambda + sample.summary.sources.cloudtrail).toBe(sample.summary.logEvents);
  });

  it('places every attack and incident in a delivered log group and stream, within the day', () => {
    const streams = new Set(sample.payloads.map((p) => `${p.logGroup} ${p.logStream}`));
    for (const finding of [...sample.summary.attacks, ...sample.summary.incidents]) {
      expect(finding.events).toBeGreaterThan(0);
      for (const stream of finding.logStreams) expect(streams.has(`${finding.logGroup} ${stream}`)).toBe(true);
      expect(Date.parse(finding.first)).toBeGreaterThanOrEqual(start);
      expect(Date.parse(finding.last)).toBeLessThan(start + DAY_MS);
    }
  });
});

// sha256 of JSON.stringify(generateSampleDay().payloads).
const PINNED_DIGEST = '0530dcc89eb03c41ab2cb2a2d31dde99d9e828ea13f4076a4809d5e989a90af9';
