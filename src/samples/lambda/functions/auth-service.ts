import { fakePemPrivateKeyHead } from '../../attacks/fake-secrets';
import type { SamplePrng } from '../../prng';
import { spreadOverDay } from '../../sample-time';
import { ATTACKER_IPS } from '../../timeline';
import { customerClients, type HttpClient } from '../http-clients';
import type { AppLine, InvocationPlan } from '../invocation-plan';
import { type LambdaFunction, NODEJS_20 } from '../lambda-function';
import { nodeJson } from '../runtime-lines';
import type { FunctionScenario } from '../simulate-function';
import { paced, scaled, type ScenarioContext } from './scenario-context';

/** Sign-in and tokens: Node.js 20 with Lambda's JSON log format and structured application records. */
export const AUTH_SERVICE: LambdaFunction = {
  name: 'auth-service',
  runtime: NODEJS_20,
  logFormat: 'JSON',
  memorySizeMb: 256,
  timeoutSeconds: 10,
  tracing: false,
  baseMemoryMb: 88,
  initMs: [160, 380],
};

const NORMAL_REQUESTS = 190;
const CUSTOMERS = ['anna.berg', 'l.moreau', 'p.novak', 'k.schmidt', 'j.smith', 'm.jones', 'e.rossi', 's.nilsen', 'h.tanaka', 'r.costa'];
const STUFFED_USERS = ['admin', 'root', 'test', 'info', 'support', 'j.smith', 'anna.berg', 'sales', 'office', 'm.jones', 'guest', 'demo'];

export function authServiceScenario(ctx: ScenarioContext): FunctionScenario {
  const { prng, timeline } = ctx;
  const clients = customerClients(prng, 60);
  const invocations = spreadOverDay(prng, scaled(NORMAL_REQUESTS, ctx.scale), timeline.start).map((at) => customerCall(prng, at, prng.pick(clients)));
  invocations.push(...credentialStuffing(prng, timeline.at.loginBurst));
  invocations.push(signingKeyRotation(prng, timeline.at.privateKeyLeak));
  return {
    fn: AUTH_SERVICE,
    invocations,
    deployments: [],
    initLines: () => [{ atMs: 120, render: nodeJson('INFO', { event: 'init', jwks: 'https://auth.shop.example.com/.well-known/jwks.json', keys: 2 }) }],
  };
}

const email = (user: string) => `${user}@example.com`;

function customerCall(prng: SamplePrng, at: number, client: HttpClient): InvocationPlan {
  const user = prng.pick(CUSTOMERS);
  const userId = `usr_${prng.hex(10)}`;
  const kind = prng.weighted([['login', 45], ['refresh', 35], ['me', 20]] as const);
  const duration = kind === 'login' ? prng.around(70, 160) : prng.around(8, 35);
  const ctx = { sourceIp: client.ip, userAgent: client.userAgent };
  let line: AppLine;
  if (kind === 'login' && prng.chance(0.07)) {
    line = { atMs: duration - 2, render: nodeJson('WARN', { event: 'login_failed', username: email(user), reason: 'invalid_password', ...ctx }) };
  } else if (kind === 'login') {
    line = { atMs: duration - 2, render: nodeJson('INFO', { event: 'login_succeeded', username: email(user), userId, mfa: prng.chance(0.6), ...ctx }) };
  } else if (kind === 'refresh' && prng.chance(0.05)) {
    // console.error(err) in the JSON format: the Error becomes the message object (Node RIC LogPatch.js).
    const expiredAt = new Date(at - prng.int(60, 7200) * 1000).toISOString();
    const error = {
      errorType: 'TokenExpiredError',
      errorMessage: 'jwt expired',
      stackTrace: ['TokenExpiredError: jwt expired', '    at /var/task/node_modules/jsonwebtoken/verify.js:190:21', '    at refresh (file:///var/task/refresh.mjs:18:11)'],
      name: 'TokenExpiredError',
      expiredAt,
    };
    line = { atMs: duration - 2, render: nodeJson('ERROR', error), incident: 'handled-error' };
  } else if (kind === 'refresh') {
    line = { atMs: duration - 2, render: nodeJson('INFO', { event: 'token_refreshed', userId, ...ctx }) };
  } else {
    line = { atMs: duration - 1, render: nodeJson('INFO', `GET /v1/auth/me 200 ${Math.round(duration)}ms`) };
  }
  return { arrival: at, durationMs: duration, lines: [line], ending: { kind: 'success' } };
}

/** Dozens of logins from one address within minutes, a few accounts locked, one taken over. */
function credentialStuffing(prng: SamplePrng, from: number): InvocationPlan[] {
  const attempts = 46;
  const times = paced(prng, from, attempts + 1, 2_000, 8_500);
  const attacker = { sourceIp: ATTACKER_IPS.credentialStuffing, userAgent: 'python-requests/2.31.0' };
  const failures = new Map<string, number>();
  const plans: InvocationPlan[] = [];
  for (let i = 0; i < attempts; i++) {
    const user = email(STUFFED_USERS[i % STUFFED_USERS.length] as string);
    const count = (failures.get(user) ?? 0) + 1;
    failures.set(user, count);
    const known = CUSTOMERS.some((c) => email(c) === user);
    const lines: AppLine[] = [
      { atMs: 60, render: nodeJson('WARN', { event: 'login_failed', username: user, reason: known ? 'invalid_password' : 'unknown_user', ...attacker }), attacks: ['failed-login-burst'] },
    ];
    if (known && count === 3) lines.push({ atMs: 64, render: nodeJson('WARN', { event: 'account_locked', username: user, failures: count, ...attacker }), attacks: ['failed-login-burst'] });
    plans.push({ arrival: times[i] as number, durationMs: prng.around(65, 140), lines, ending: { kind: 'success' } });
  }
  // The last try works: a reused password, no MFA.
  const success: AppLine = { atMs: 90, render: nodeJson('INFO', { event: 'login_succeeded', username: email('m.jones'), userId: `usr_${prng.hex(10)}`, mfa: false, ...attacker }), attacks: ['failed-login-burst'] };
  plans.push({ arrival: times[attempts] as number, durationMs: prng.around(90, 150), lines: [success], ending: { kind: 'success' } });
  return plans;
}

/** A malformed key pushed to the secret: the function prints what it got, the private key included. */
function signingKeyRotation(prng: SamplePrng, at: number): InvocationPlan {
  const pem = fakePemPrivateKeyHead(prng);
  const lines: AppLine[] = [
    { atMs: 40, render: nodeJson('ERROR', `failed to import JWT signing key from secret auth/jwt-signing-key: expected PKCS#8 ("BEGIN PRIVATE KEY"), got:\n${pem}\n...`), attacks: ['leaked-private-key'], incident: 'handled-error' },
    { atMs: 42, render: nodeJson('WARN', { event: 'signing_key_fallback', kid: prng.hex(16), reason: 'import_failed' }) },
  ];
  return { arrival: at, durationMs: prng.around(45, 70), lines, ending: { kind: 'success' } };
}
