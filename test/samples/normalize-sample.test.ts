import { generateSampleDay } from '../../src/samples';
import { field, functionOf, isCloudTrail, isLambda, normalizeSample } from './sample-events';

const sample = generateSampleDay();
const normalized = normalizeSample(sample);
const lambda = normalized.filter(isLambda);
const trail = normalized.filter(isCloudTrail);
const message = (e: (typeof normalized)[number]) => e.record.message;

/** What Lambda writes itself, in the text format (A3), and the action the normalizer must give it. */
const PLATFORM_TEXT: readonly (readonly [RegExp, string])[] = [
  [/^START RequestId: /, 'start'],
  [/^END RequestId: /, 'end'],
  [/^REPORT RequestId: /, 'report'],
  [/^INIT_START /, 'init-start'],
  [/^INIT_REPORT /, 'init-report'],
  [/^\S+Z \S+ Task timed out after /, 'timeout'],
];

describe('samples: every sample line through the real normalizer', () => {
  it('parses every log event without a parse error', () => {
    const failed = normalized.filter((e) => e.event.logwarden.parse_error !== undefined).map((e) => [e.event.logwarden.parse_error, message(e).slice(0, 120)]);
    expect(failed).toEqual([]);
    expect(normalized).toHaveLength(sample.summary.logEvents);
  });

  it('puts every event in the source its log group stands for', () => {
    for (const e of normalized) expect(e.event.logwarden.source).toBe(e.record.logGroup.startsWith('/aws/lambda/') ? 'lambda' : 'cloudtrail');
    expect(lambda).toHaveLength(sample.summary.sources.lambda);
    expect(trail).toHaveLength(sample.summary.sources.cloudtrail);
  });

  it('names the function of every Lambda event', () => {
    for (const e of lambda) expect(functionOf(e)).toBe(e.record.logGroup.slice('/aws/lambda/'.length));
  });

  it('recognises every text platform line with its action', () => {
    const counts = new Map<string, number>();
    for (const e of lambda) {
      const platform = PLATFORM_TEXT.find(([pattern]) => pattern.test(message(e)));
      if (platform === undefined) continue;
      expect([message(e).slice(0, 60), e.event.event.action, field(e.event, 'aws.lambda.line')]).toEqual([message(e).slice(0, 60), platform[1], 'platform']);
      counts.set(platform[1], (counts.get(platform[1]) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      start: expect.any(Number),
      end: expect.any(Number),
      report: expect.any(Number),
      'init-start': expect.any(Number),
      'init-report': expect.any(Number),
      timeout: expect.any(Number),
    });
    expect(counts.get('start')).toBe(counts.get('report'));
  });

  it('recognises the JSON format platform records of auth-service', () => {
    const records = lambda.filter((e) => message(e).includes('"type":"platform.'));
    expect(records.length).toBeGreaterThan(100);
    const actions = new Set(records.map((e) => e.event.event.action));
    expect(actions).toEqual(new Set(['init-start', 'start', 'report']));
    for (const e of records) expect(field(e.event, 'aws.lambda.line')).toBe('platform');
  });

  it('reads every REPORT: duration, memory, cold start and failures', () => {
    const reports = lambda.filter((e) => e.event.event.action === 'report');
    for (const e of reports) {
      expect(field(e.event, 'aws.lambda.duration_ms')).toEqual(expect.any(Number));
      expect(field(e.event, 'aws.lambda.memory_size_mb')).toEqual(expect.any(Number));
      expect(field(e.event, 'faas.execution')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const cold = reports.filter((e) => field(e.event, 'faas.coldstart') === true);
    expect(cold.length).toBeGreaterThan(20);
    const statuses = new Set(reports.map((e) => `${String(field(e.event, 'aws.lambda.status'))}/${String(field(e.event, 'aws.lambda.error_type'))}`));
    expect(statuses).toEqual(new Set(['undefined/undefined', 'success/undefined', 'timeout/undefined', 'error/Runtime.OutOfMemory', 'error/Runtime.ExitError', 'error/Runtime.ImportModuleError']));
    expect(reports.filter((e) => field(e.event, 'aws.lambda.memory_exhausted') === true).map(functionOf)).toEqual(['thumbnailer']);
  });

  it('parses application lines with the runtime of their function', () => {
    const parsers = new Map<string, Set<string>>();
    for (const e of lambda.filter((x) => field(x.event, 'aws.lambda.line') === 'application')) {
      const name = String(functionOf(e));
      parsers.set(name, (parsers.get(name) ?? new Set()).add(e.event.logwarden.parser));
    }
    expect(Object.fromEntries([...parsers].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      'orders-api': ['lambda-node'],
      'payments-worker': ['lambda-python', 'raw'],
      'auth-service': ['lambda-json'],
      thumbnailer: ['lambda-node'],
      'report-generator': ['lambda-python'],
    });
  });

  it('leaves as raw only what the runtimes write without a prefix', () => {
    const raw = lambda.filter((e) => e.event.logwarden.parser === 'raw').map(message);
    const known = [/^settings: \{/, /^LAMBDA_WARNING: Unhandled exception\./];
    for (const line of raw) expect(known.some((pattern) => pattern.test(line)) ? 'known' : line).toBe('known');
  });

  it('maps runtime errors: Node.js Invoke Error and Uncaught Exception, Python tracebacks', () => {
    const invokeErrors = lambda.filter((e) => e.event.event.action === 'invoke-error');
    expect(invokeErrors.length).toBeGreaterThan(0);
    for (const e of invokeErrors) expect(field(e.event, 'error.type')).toBe('TypeError');
    const initErrors = lambda.filter((e) => e.event.event.action === 'uncaught-exception');
    for (const e of initErrors) expect([field(e.event, 'error.type'), field(e.event, 'aws.lambda.init_error')]).toEqual(['Runtime.ImportModuleError', true]);
    const tracebacks = lambda.filter((e) => e.event.event.action === 'unhandled-exception');
    expect(tracebacks.length).toBeGreaterThan(0);
    for (const e of tracebacks) {
      expect(field(e.event, 'error.type')).toBe('KeyError');
      expect(field(e.event, 'error.stack_trace')).toContain('  File "/var/task/payments/charge.py", line 57, in process');
    }
  });

  it('flags the failed init with its phase', () => {
    const reports = lambda.filter((e) => e.event.event.action === 'init-report');
    expect(new Set(reports.map((e) => field(e.event, 'aws.lambda.phase')))).toEqual(new Set(['init', 'invoke']));
    for (const e of reports) expect([field(e.event, 'aws.lambda.init_error'), field(e.event, 'aws.lambda.error_type')]).toEqual([true, 'Runtime.ImportModuleError']);
  });

  it('recognises every CloudTrail record with its event name and the whole record', () => {
    for (const e of trail) {
      const record = JSON.parse(message(e)) as { eventName: string; eventSource: string; userIdentity: { type: string } };
      expect(e.event.logwarden.parser).toBe('cloudtrail');
      expect(field(e.event, 'aws.cloudtrail.eventName')).toBe(record.eventName);
      expect(e.event.event.action).toBe(record.eventName);
      expect(e.event.event.provider).toBe(record.eventSource);
      expect(field(e.event, 'aws.cloudtrail.userIdentity.type')).toBe(record.userIdentity.type);
    }
    const types = new Set(trail.map((e) => field(e.event, 'aws.cloudtrail.userIdentity.type')));
    expect(types).toEqual(new Set(['IAMUser', 'AssumedRole', 'Root', 'AWSService', 'WebIdentityUser']));
  });

  it('gives CloudTrail records all the common fields', () => {
    const common = ['eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'requestParameters', 'responseElements', 'eventID', 'readOnly', 'eventType', 'managementEvent', 'recipientAccountId', 'eventCategory'];
    for (const e of trail) {
      const record = JSON.parse(message(e)) as Record<string, unknown>;
      for (const key of common) expect([key, key in record]).toEqual([key, true]);
      if (record['eventType'] !== 'AwsConsoleSignIn') expect(typeof record['requestID']).toBe('string');
    }
    expect(trail.some((e) => message(e).includes('"tlsDetails"'))).toBe(true);
    expect(trail.some((e) => message(e).includes('"sessionContext"'))).toBe(true);
  });
});
