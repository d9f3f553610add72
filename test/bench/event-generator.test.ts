import { createEventGenerator, generateEvents } from '../../scripts/bench/event-generator';
import type { NormalizedEvent } from '../../scripts/bench/normalized-event';
import { EVENT_DATASETS } from '../../scripts/bench/normalized-event';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function byDataset(events: readonly NormalizedEvent[], dataset: string): NormalizedEvent[] {
  return events.filter((e) => e.event.dataset === dataset);
}

describe('bench: synthetic normalized events', () => {
  const events = generateEvents(400, 11);

  it('generates the same events for the same seed', () => {
    expect(generateEvents(40, 11)).toEqual(events.slice(0, 40));
  });

  it('generates different events for another seed', () => {
    expect(generateEvents(40, 12)).not.toEqual(events.slice(0, 40));
  });

  it('gives every event the envelope the normalizer writes', () => {
    for (const e of events) {
      expect(e['@timestamp']).toMatch(ISO_TIME);
      expect(e.event.kind).toBe('event');
      expect(Object.values(EVENT_DATASETS)).toContain(e.event.dataset);
      expect(typeof e.event.original).toBe('string');
      expect(e.cloud.provider).toBe('aws');
      expect(e.cloud.account.id).toMatch(/^\d{12}$/);
      expect(e.aws.cloudwatch.owner).toBe(e.cloud.account.id);
      expect(e.aws.cloudwatch.event_id).toMatch(/^\d{56}$/);
    }
  });

  it('keeps events in time order', () => {
    const times = events.map((e) => e['@timestamp']);
    expect([...times].sort()).toEqual(times);
  });

  it('mixes Lambda application, Lambda platform and CloudTrail events', () => {
    for (const dataset of Object.values(EVENT_DATASETS)) expect(byDataset(events, dataset).length).toBeGreaterThan(40);
  });

  it('fills the ECS web fields on Lambda request lines', () => {
    const requests = byDataset(events, EVENT_DATASETS.lambdaApp).filter((e) => e.http !== undefined);
    expect(requests.length).toBeGreaterThan(30);
    for (const e of requests) {
      expect(e.http?.request.method).toMatch(/^(GET|POST|PUT|DELETE)$/);
      expect(typeof e.http?.response.status_code).toBe('number');
      expect(e.url?.path.startsWith('/')).toBe(true);
      expect(e.user_agent?.original.length).toBeGreaterThan(0);
      expect(e.source?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(e.log?.level).toMatch(/^(INFO|WARN|ERROR)$/);
      expect(e.aws.cloudwatch.log_group).toBe(`/aws/lambda/${e.faas?.name ?? ''}`);
    }
  });

  it('writes START, END and REPORT platform lines with aws.lambda fields', () => {
    const platform = byDataset(events, EVENT_DATASETS.lambdaPlatform);
    for (const e of platform) {
      expect(e.message).toMatch(/^(START|END|REPORT) RequestId: /);
      expect(e.aws.lambda?.request_id).toBe(e.faas?.execution);
    }
    const report = platform.find((e) => e.message?.startsWith('REPORT'));
    expect(typeof report?.aws.lambda?.duration_ms).toBe('number');
    expect(typeof report?.aws.lambda?.max_memory_used_mb).toBe('number');
  });

  it('keeps CloudTrail records whole under aws.cloudtrail, with the raw record in event.original', () => {
    const trail = byDataset(events, EVENT_DATASETS.cloudtrail);
    for (const e of trail) {
      const record = e.aws.cloudtrail;
      expect(record?.eventSource).toMatch(/\.amazonaws\.com$/);
      expect(record?.eventName).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(record?.userIdentity.type).toMatch(/^(AssumedRole|IAMUser|AWSService|Root)$/);
      expect(record?.recipientAccountId).toBe(e.cloud.account.id);
      expect(JSON.parse(e.event.original)).toEqual(record);
      expect(e.event.action).toBe(record?.eventName);
    }
  });

  it('sizes events like real ones (typically 0.5–2 KB of JSON)', () => {
    const sizes = events.map((e) => JSON.stringify(e).length).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)] as number;
    expect(median).toBeGreaterThan(500);
    expect(median).toBeLessThan(2000);
  });

  it('adds attack-like content to a small share of events', () => {
    const generator = createEventGenerator(11);
    const sample = Array.from({ length: 1500 }, () => generator.next());
    const share = generator.mix().attacks / sample.length;
    expect(share).toBeGreaterThan(0.002);
    expect(share).toBeLessThan(0.05);
  });

  it('puts attack markers in events when every eligible event is an attack', () => {
    const attacked = generateEvents(300, 5, { attackRate: 1 });
    const text = attacked.map((e) => JSON.stringify(e)).join('\n');
    expect(text).toMatch(/AKIA[A-Z2-7]{16}|169\.254\.169\.254|sqlmap|Nikto|\.\.\/|UNION|\/\.env/);
    expect(attacked.some((e) => /^(StopLogging|DeleteTrail|ConsoleLogin|CreateAccessKey|PutBucketPolicy|AuthorizeSecurityGroupIngress|DeleteFlowLogs|ScheduleKeyDeletion|CreateUser|AttachUserPolicy|PutUserPolicy|DeleteDetector)$/.test(e.aws.cloudtrail?.eventName ?? ''))).toBe(true);
  });

  it('generates no attack content when the attack rate is zero', () => {
    const generator = createEventGenerator(3, { attackRate: 0 });
    for (let i = 0; i < 300; i++) generator.next();
    expect(generator.mix().attacks).toBe(0);
  });
});
