import { type AttackRequest, manualOrdersProbe, niktoRequests, nucleiRequests, SCANNER_USER_AGENTS, sqlmapRequests } from '../../attacks/web-attacks';
import { fakeJwt } from '../../attacks/fake-secrets';
import type { SamplePrng } from '../../prng';
import { ATTACKER_IPS } from '../../timeline';
import { MINUTE_MS, spreadOverDay } from '../../sample-time';
import { customerClients, type HttpClient, requestLine } from '../http-clients';
import type { AppLine, InvocationPlan } from '../invocation-plan';
import { type LambdaFunction, NODEJS_20 } from '../lambda-function';
import { nodeInvokeError, nodeText } from '../runtime-lines';
import type { FunctionScenario } from '../simulate-function';
import { paced, scaled, type ScenarioContext } from './scenario-context';

/** The shop's public API behind an HTTP API (`ANY /{proxy+}`): Node.js 20, text logs, X-Ray on. */
export const ORDERS_API: LambdaFunction = {
  name: 'orders-api',
  runtime: NODEJS_20,
  logFormat: 'Text',
  memorySizeMb: 512,
  timeoutSeconds: 6,
  tracing: true,
  baseMemoryMb: 96,
  initMs: [190, 430],
};

const NORMAL_REQUESTS = 420;
const DEBUG_WINDOW_MS = 14 * MINUTE_MS;

export function ordersApiScenario(ctx: ScenarioContext): FunctionScenario {
  const { prng, timeline } = ctx;
  const clients = customerClients(prng, 80);
  const debugUntil = timeline.at.debugLogging + DEBUG_WINDOW_MS;
  const isDebugOn = (at: number) => at >= timeline.at.debugLogging && at < debugUntil;
  const arrivals = spreadOverDay(prng, scaled(NORMAL_REQUESTS, ctx.scale), timeline.start);
  // Someone turned on debug logging for a quarter of an hour: make sure it saw a few requests.
  arrivals.push(timeline.at.debugLogging + prng.int(20, 90) * 1000, timeline.at.debugLogging + prng.int(300, 600) * 1000);
  const invocations: InvocationPlan[] = arrivals.map((at) => customerRequest(prng, at, prng.pick(clients), isDebugOn(at)));
  // At least one order without items in the afternoon, whatever the seed.
  invocations.push(orderWithoutItems(prng, timeline.start + prng.int(13 * 60, 17 * 60) * MINUTE_MS));
  invocations.push(...timeline.at.ordersTimeouts.map((at) => slowInventory(prng, at, prng.pick(clients))));
  const operator: HttpClient = { ip: ATTACKER_IPS.operator, userAgent: 'curl/8.5.0' };
  invocations.push(...attackRun(prng, timeline.at.manualProbe + 12 * MINUTE_MS, manualOrdersProbe(), () => operator, [15_000, 70_000]));
  invocations.push(...attackRun(prng, timeline.at.nikto, niktoRequests(), (r) => ({ ip: ATTACKER_IPS.nikto, userAgent: r.userAgent ?? '' }), [300, 2_500]));
  invocations.push(...attackRun(prng, timeline.at.sqlmap, sqlmapRequests(), () => ({ ip: ATTACKER_IPS.sqlmap, userAgent: SCANNER_USER_AGENTS.sqlmap }), [1_500, 9_000]));
  invocations.push(
    ...attackRun(prng, timeline.at.nuclei, nucleiRequests(), (r) => ({ ip: ATTACKER_IPS.nuclei, userAgent: r.userAgent ?? SCANNER_USER_AGENTS.nuclei }), [400, 3_000]),
  );
  return {
    fn: ORDERS_API,
    invocations,
    deployments: [],
    initLines: () => [{ atMs: 150, render: nodeText('INFO', 'connected to postgres orders-db.cluster-c8x2kq1mzv0a.eu-west-1.rds.amazonaws.com:5432 pool=5') }],
  };
}

const CATEGORIES = ['shoes', 'jackets', 'bags', 'accessories', 'sale', 'new-in'];

interface Route {
  readonly method: string;
  readonly target: (prng: SamplePrng) => string;
  readonly status: number;
}

const ROUTES: readonly (readonly [Route, number])[] = [
  [{ method: 'GET', target: (p) => `/v1/products?category=${p.pick(CATEGORIES)}&page=${p.int(1, 4)}`, status: 200 }, 30],
  [{ method: 'GET', target: (p) => `/v1/products/p_${p.int(1000, 1999)}`, status: 200 }, 24],
  [{ method: 'GET', target: () => '/v1/cart', status: 200 }, 10],
  [{ method: 'PUT', target: (p) => `/v1/cart/items/p_${p.int(1000, 1999)}`, status: 200 }, 8],
  [{ method: 'POST', target: () => '/v1/orders', status: 201 }, 8],
  [{ method: 'GET', target: (p) => `/v1/orders/ord_${p.hex(10)}`, status: 200 }, 10],
  [{ method: 'GET', target: () => '/v1/orders?status=open', status: 200 }, 6],
  [{ method: 'GET', target: () => '/health', status: 200 }, 4],
];

function customerRequest(prng: SamplePrng, at: number, client: HttpClient, debug: boolean): InvocationPlan {
  const route = prng.weighted(ROUTES);
  const target = route.target(prng);
  const lines: AppLine[] = [];
  if (debug) {
    const headers = {
      host: 'api.shop.example.com',
      'user-agent': client.userAgent,
      authorization: `Bearer ${customerJwt(prng, at)}`,
      'x-forwarded-for': client.ip,
    };
    lines.push({ atMs: 2, render: nodeText('DEBUG', `incoming headers ${JSON.stringify(headers)}`), attacks: ['leaked-bearer-token'] });
  }
  let latency = prng.around(12, 110);
  const roll = prng.next();
  if (roll < 0.006) return orderWithoutItems(prng, at, lines);
  let status = route.status === 200 && target.startsWith('/v1/products/') && prng.chance(0.04) ? 404 : route.status;
  if (roll < 0.025) {
    latency += 700;
    status = 503;
    lines.push({ atMs: latency - 5, render: nodeText('ERROR', `inventory check failed for sku=SKU-${prng.int(10000, 99999)}: read ECONNRESET; answering 503`), incident: 'handled-error' });
  } else if (roll < 0.065) {
    latency += 180;
    lines.push({ atMs: 20, render: nodeText('WARN', 'ProvisionedThroughputExceededException on table shop-carts, retry 1/3 in 150ms') });
  }
  if (route.method === 'POST' && status === 201) {
    const total = (prng.int(1500, 24000) / 100).toFixed(2);
    lines.push({ atMs: latency - 8, render: nodeText('INFO', `order created id=ord_${prng.hex(10)} items=${prng.int(1, 5)} total=${total} EUR`) });
  }
  lines.push({ atMs: latency, render: nodeText('INFO', requestLine(route.method, target, status, latency, client)) });
  return { arrival: at, durationMs: latency + prng.between(0.5, 3), lines, ending: { kind: 'success' } };
}

/** The inventory service hangs: two retries, then the function timeout. */
function slowInventory(prng: SamplePrng, at: number, client: HttpClient): InvocationPlan {
  const lines: AppLine[] = [2000, 4000].map((atMs, i) => ({
    atMs: atMs + prng.int(1, 30),
    render: nodeText('WARN', `inventory-service did not answer within 2000ms, retrying (${i + 1}/2) ip=${client.ip}`),
  }));
  return { arrival: at, durationMs: 0, lines, ending: { kind: 'timeout' } };
}

function attackRun(
  prng: SamplePrng,
  from: number,
  requests: readonly AttackRequest[],
  clientOf: (request: AttackRequest) => HttpClient,
  gapMs: readonly [number, number],
): InvocationPlan[] {
  const times = paced(prng, from, requests.length, gapMs[0], gapMs[1]);
  return requests.map((request, i) => {
    const latency = prng.around(6, 45);
    const lines: AppLine[] = [];
    if (request.status === 500) {
      lines.push({ atMs: latency - 2, render: nodeText('ERROR', 'query failed: syntax error at or near "\'" (SQLSTATE 42601); answering 500'), incident: 'handled-error' });
    }
    const client = clientOf(request);
    lines.push({ atMs: latency, render: nodeText('INFO', requestLine(request.method, request.target, request.status, latency, client)), attacks: request.attacks });
    return { arrival: times[i] as number, durationMs: latency + prng.between(0.5, 2), lines, ending: { kind: 'success' } };
  });
}

function customerJwt(prng: SamplePrng, at: number): string {
  const iat = Math.floor(at / 1000) - prng.int(60, 3000);
  return fakeJwt(prng, { sub: `cus_${prng.hex(12)}`, iss: 'https://auth.shop.example.com/', aud: 'shop-api', iat, exp: iat + 3600, scope: 'orders:read orders:write cart' });
}

/** An order without items reaches code that assumes them: unhandled, and API Gateway answers 502. */
function orderWithoutItems(prng: SamplePrng, at: number, lines: AppLine[] = []): InvocationPlan {
  const latency = prng.around(12, 60);
  lines.push({ atMs: latency, render: nodeInvokeError(missingItemsError(prng)), incident: 'unhandled-error' });
  return { arrival: at, durationMs: latency + 2, lines, ending: { kind: 'success' } };
}

function missingItemsError(prng: SamplePrng) {
  const line = prng.int(80, 95);
  return {
    errorType: 'TypeError',
    errorMessage: "Cannot read properties of undefined (reading 'map')",
    stack: [
      "TypeError: Cannot read properties of undefined (reading 'map')",
      `    at toOrderSummary (file:///var/task/handlers/orders.mjs:${line}:29)`,
      '    at getOrder (file:///var/task/handlers/orders.mjs:41:24)',
      '    at async route (file:///var/task/router.mjs:57:18)',
      '    at async Runtime.handler (file:///var/task/index.mjs:23:12)',
    ],
  };
}
