import { cloudwatchEventId, fillTemplate, isoTime, publicIp } from './event-context';
import type { EventContext } from './event-context';
import type { LambdaPlatformFields, NormalizedEvent } from './normalized-event';
import { EVENT_DATASETS } from './normalized-event';
import { ACCOUNTS, REGIONS } from './cloudtrail-vocabulary';
import type { WebRequest } from './web-attacks';
import { applyWebAttack, leakedSecretMessage } from './web-attacks';
import type { FunctionProfile } from './web-vocabulary';
import { APP_ERRORS, APP_MESSAGES, FUNCTIONS, SEARCH_WORDS, USER_AGENTS } from './web-vocabulary';

/** One Lambda invocation: the platform lines and application lines share its request id and stream. */
export interface Invocation {
  readonly fn: FunctionProfile;
  readonly account: string;
  readonly region: string;
  readonly requestId: string;
  readonly logStream: string;
  readonly coldStart: boolean;
  readonly version: string;
}

export function startInvocation(ctx: EventContext): Invocation {
  const { prng } = ctx;
  const version = prng.chance(0.7) ? '$LATEST' : String(prng.int(1, 40));
  return {
    fn: prng.pick(FUNCTIONS),
    account: prng.pick(ACCOUNTS),
    region: prng.pick(REGIONS),
    requestId: prng.uuid(),
    logStream: `2025/11/28/[${version}]${prng.hex(32)}`,
    coldStart: prng.chance(0.05),
    version,
  };
}

type LambdaEventBase = Pick<NormalizedEvent, '@timestamp' | 'cloud' | 'faas' | 'aws'>;

function lambdaBase(ctx: EventContext, inv: Invocation, ms: number): LambdaEventBase {
  return {
    '@timestamp': isoTime(ms),
    cloud: { provider: 'aws', region: inv.region, account: { id: inv.account } },
    faas: { name: inv.fn.name, version: inv.version, execution: inv.requestId, coldstart: inv.coldStart },
    aws: { cloudwatch: { log_group: `/aws/lambda/${inv.fn.name}`, log_stream: inv.logStream, event_id: cloudwatchEventId(ctx.prng), owner: inv.account } },
  };
}

function platformEvent(ctx: EventContext, inv: Invocation, type: string, line: string, lambda: LambdaPlatformFields): NormalizedEvent {
  const base = lambdaBase(ctx, inv, ctx.now());
  return {
    ...base,
    message: line,
    event: { kind: 'event', category: ['process'], type: [type], dataset: EVENT_DATASETS.lambdaPlatform, original: `${line}\n` },
    aws: { ...base.aws, lambda },
  };
}

/** The START line (Lambda Developer Guide, "Using CloudWatch Logs with Lambda"). */
export function startEvent(ctx: EventContext, inv: Invocation): NormalizedEvent {
  return platformEvent(ctx, inv, 'start', `START RequestId: ${inv.requestId} Version: ${inv.version}`, { request_id: inv.requestId, version: inv.version });
}

/** The END and REPORT lines that close an invocation; REPORT carries durations and memory. */
export function finishEvents(ctx: EventContext, inv: Invocation): [NormalizedEvent, NormalizedEvent] {
  const { prng } = ctx;
  // Mostly fast handlers, a long tail of slow ones up to the 15-minute limit.
  const scale = prng.weighted([[20, 40], [200, 40], [2000, 18], [60000, 1.8], [900000, 0.2]]);
  const duration = Math.round(prng.next() * scale * 100 + 150) / 100;
  const memoryUsed = Math.min(inv.fn.memoryMb, prng.int(60, 80) + Math.floor(inv.fn.memoryMb * prng.next() * 0.3));
  const init = inv.coldStart ? prng.int(15000, 90000) / 100 : undefined;
  // REPORT lines carry a stray space before one tab; the normalizer trims it (aws-formats A1).
  const report =
    `REPORT RequestId: ${inv.requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms \t` +
    `Memory Size: ${inv.fn.memoryMb} MB\tMax Memory Used: ${memoryUsed} MB\t${init === undefined ? '' : `Init Duration: ${init.toFixed(2)} ms\t`}`;
  return [
    platformEvent(ctx, inv, 'end', `END RequestId: ${inv.requestId}`, { request_id: inv.requestId }),
    platformEvent(ctx, inv, 'info', report, {
      request_id: inv.requestId,
      duration_ms: duration,
      billed_duration_ms: Math.ceil(duration),
      memory_size_mb: inv.fn.memoryMb,
      max_memory_used_mb: memoryUsed,
      ...(init === undefined ? {} : { init_duration_ms: init }),
    }),
  ];
}

function normalRequest(ctx: EventContext, inv: Invocation): WebRequest {
  const { prng } = ctx;
  const route = prng.pick(inv.fn.routes);
  return {
    method: route.method,
    path: fillTemplate(prng, route.path, SEARCH_WORDS),
    query: fillTemplate(prng, prng.pick(route.queries), SEARCH_WORDS),
    status: prng.weighted([[200, 70], [201, 6], [204, 4], [304, 4], [400, 4], [401, 3], [403, 2], [404, 4], [429, 1], [500, 1.5], [502, 0.5]]),
    userAgent: prng.pick(USER_AGENTS),
    sourceIp: publicIp(prng),
  };
}

/** An access-log line of the function, as a Powertools JSON log or as a Node.js text line. */
export function requestEvent(ctx: EventContext, inv: Invocation, attack: boolean): NormalizedEvent {
  const { prng } = ctx;
  const request = attack ? applyWebAttack(prng, normalRequest(ctx, inv)) : normalRequest(ctx, inv);
  const ms = ctx.now();
  const took = prng.int(2, 900);
  const level = request.status >= 500 ? 'ERROR' : request.status >= 400 ? 'WARN' : 'INFO';
  const target = request.query === '' ? request.path : `${request.path}?${request.query}`;
  const summary = `${request.method} ${target} ${request.status} ${took}ms`;
  const base = lambdaBase(ctx, inv, ms);
  const message = prng.chance(0.5) ? summary : `${summary} ${request.sourceIp} "${request.userAgent}"`;
  const original = prng.chance(0.5)
    ? JSON.stringify({
        level,
        message: summary,
        timestamp: isoTime(ms),
        service: inv.fn.name,
        cold_start: inv.coldStart,
        function_name: inv.fn.name,
        function_memory_size: String(inv.fn.memoryMb),
        function_arn: `arn:aws:lambda:${inv.region}:${inv.account}:function:${inv.fn.name}`,
        function_request_id: inv.requestId,
        xray_trace_id: `1-${Math.floor(ms / 1000).toString(16)}-${prng.hex(24)}`,
        http: { method: request.method, path: request.path, query: request.query, status: request.status, userAgent: request.userAgent, sourceIp: request.sourceIp, durationMs: took },
      })
    : `${isoTime(ms)}\t${inv.requestId}\t${level}\t${message}`;
  return {
    ...base,
    message: original.startsWith('{') ? summary : message,
    log: { level },
    event: {
      kind: 'event',
      category: ['web'],
      type: ['access'],
      dataset: EVENT_DATASETS.lambdaApp,
      original: `${original}\n`,
      outcome: request.status >= 400 ? 'failure' : 'success',
    },
    http: { request: { method: request.method }, response: { status_code: request.status } },
    url: request.query === '' ? { path: request.path } : { path: request.path, query: request.query },
    user_agent: { original: request.userAgent },
    source: { ip: request.sourceIp },
  };
}

/** A non-request application line: progress messages, handled errors, or (attack) a leaked secret. */
export function appMessageEvent(ctx: EventContext, inv: Invocation, attack: boolean): NormalizedEvent {
  const { prng } = ctx;
  const ms = ctx.now();
  const base = lambdaBase(ctx, inv, ms);
  const failure = !attack && prng.chance(0.15) ? prng.pick(APP_ERRORS) : undefined;
  const level = failure !== undefined ? 'ERROR' : attack ? 'DEBUG' : prng.weighted([['INFO', 8], ['DEBUG', 1], ['WARN', 1]]);
  const text = failure !== undefined ? fillTemplate(prng, failure.message, SEARCH_WORDS) : attack ? leakedSecretMessage(prng) : fillTemplate(prng, prng.pick(APP_MESSAGES), SEARCH_WORDS);
  const stack = failure === undefined ? undefined : `${failure.type}: ${text}\n    at handler (/var/task/index.js:${prng.int(10, 400)}:${prng.int(5, 40)})\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
  const message = failure === undefined ? text : `Invoke Error \t${JSON.stringify({ errorType: failure.type, errorMessage: text, stack: stack?.split('\n') })}`;
  return {
    ...base,
    message,
    log: { level },
    event: { kind: 'event', category: ['process'], type: [failure === undefined ? 'info' : 'error'], dataset: EVENT_DATASETS.lambdaApp, original: `${isoTime(ms)}\t${inv.requestId}\t${level}\t${message}\n` },
    ...(failure === undefined || stack === undefined ? {} : { error: { type: failure.type, message: text, stack_trace: stack } }),
  };
}
