import type { SamplePrng } from '../../prng';
import { MINUTE_MS, spreadOverDay } from '../../sample-time';
import type { SampleTimeline } from '../../timeline';
import type { AppLine, InvocationPlan } from '../invocation-plan';
import { type LambdaFunction, PYTHON_312 } from '../lambda-function';
import { pythonLog, pythonUnhandledException, rawLine } from '../runtime-lines';
import type { FunctionScenario } from '../simulate-function';
import { scaled, type ScenarioContext } from './scenario-context';

/** Charges payments from an SQS queue: Python 3.12, text logs. */
export const PAYMENTS_WORKER: LambdaFunction = {
  name: 'payments-worker',
  runtime: PYTHON_312,
  logFormat: 'Text',
  memorySizeMb: 256,
  timeoutSeconds: 30,
  tracing: false,
  baseMemoryMb: 78,
  initMs: [420, 880],
};

const NORMAL_BATCHES = 115;

export function paymentsWorkerScenario(ctx: ScenarioContext): FunctionScenario {
  const { prng, timeline } = ctx;
  const arrivals = spreadOverDay(prng, scaled(NORMAL_BATCHES, ctx.scale), timeline.start);
  // The nightly retry of failed charges: a cold start (and so a leaked key) before the attacker uses it.
  arrivals.push(timeline.start + prng.int(25, 70) * MINUTE_MS);
  const invocations = arrivals.map((at) => (prng.chance(0.01) ? malformedMessage(prng, at) : chargeBatch(prng, at)));
  invocations.push(providerHang(prng, timeline.at.paymentsTimeout));
  // At least one malformed message in the afternoon, whatever the seed.
  invocations.push(malformedMessage(prng, timeline.start + prng.int(13 * 60, 16 * 60) * MINUTE_MS));
  return {
    fn: PAYMENTS_WORKER,
    invocations,
    // The fix that removes the debug print of the settings.
    deployments: [{ at: timeline.at.paymentsFix }],
    initLines: (at) => initLines(timeline, at),
  };
}

function initLines(timeline: SampleTimeline, at: number): AppLine[] {
  const lines: AppLine[] = [{ atMs: 90, render: pythonLog('INFO', 'loaded settings from SSM /shop/prod/payments (7 parameters)') }];
  if (at < timeline.at.paymentsFix) {
    const { accessKeyId, secretAccessKey } = timeline.leakedKey;
    // A debug print() left in the module: the settings dict, reporting export credentials included.
    const settings =
      `{'stage': 'prod', 'region': 'eu-west-1', 'provider_url': 'https://api.acmepay.example/v2', ` +
      `'queue_url': 'https://sqs.eu-west-1.amazonaws.com/111122223333/payments-queue', ` +
      `'reporting_export': {'bucket': 'shop-reports-111122223333', 'aws_access_key_id': '${accessKeyId}', 'aws_secret_access_key': '${secretAccessKey}'}}`;
    lines.push({ atMs: 120, render: rawLine(`settings: ${settings}`), attacks: ['leaked-access-key'] });
  }
  return lines;
}

function chargeBatch(prng: SamplePrng, at: number): InvocationPlan {
  const count = prng.weighted([[1, 5], [2, 3], [3, 2], [4, 1]] as const);
  const lines: AppLine[] = [{ atMs: 3, render: pythonLog('INFO', `received ${count} message(s) from payments-queue`) }];
  let t = 5;
  let failed = 0;
  for (let i = 0; i < count; i++) {
    t += prng.around(90, 420);
    const intent = `pi_${prng.hex(24)}`;
    const amount = (prng.int(900, 32000) / 100).toFixed(2);
    const roll = prng.next();
    if (roll < 0.03) {
      lines.push({ atMs: t, render: pythonLog('WARNING', `provider returned 429 Too Many Requests for ${intent}, retrying in 2s (attempt 1/3)`) });
      t += 2000 + prng.around(90, 300);
    }
    if (roll > 0.98) {
      failed++;
      lines.push({ atMs: t, render: pythonLog('ERROR', `charge failed for ${intent}: card_declined (insufficient_funds); message returned to the queue`), incident: 'handled-error' });
    } else {
      lines.push({ atMs: t, render: pythonLog('INFO', `charged ${intent} amount=${amount} EUR customer=cus_${prng.hex(12)}`) });
    }
  }
  lines.push({ atMs: t + 4, render: pythonLog('INFO', `batch done succeeded=${count - failed} failed=${failed}`) });
  return { arrival: at, durationMs: t + prng.between(5, 12), lines, ending: { kind: 'success' } };
}

/** A message without an amount reaches code that assumes one: an unhandled KeyError. */
function malformedMessage(prng: SamplePrng, at: number): InvocationPlan {
  const lines: AppLine[] = [{ atMs: 3, render: pythonLog('INFO', 'received 1 message(s) from payments-queue') }];
  lines.push(
    ...pythonUnhandledException(prng.around(8, 30), 'KeyError', "'amount'", [
      { file: '/var/task/app.py', line: 31, name: 'lambda_handler', code: 'results = [process(record) for record in event["Records"]]', carets: '           ^^^^^^^^^^^^^^^' },
      { file: '/var/task/payments/charge.py', line: 57, name: 'process', code: 'amount = Decimal(body["amount"])', carets: '                 ~~~~^^^^^^^^^^' },
    ]),
  );
  return { arrival: at, durationMs: prng.around(30, 45), lines, ending: { kind: 'success' } };
}

/** The payment provider stops answering: retries until the function times out. */
function providerHang(prng: SamplePrng, at: number): InvocationPlan {
  const lines: AppLine[] = [{ atMs: 3, render: pythonLog('INFO', 'received 2 message(s) from payments-queue') }];
  for (const attempt of [1, 2]) {
    lines.push({
      atMs: attempt * 10_000 + prng.int(5, 60),
      render: pythonLog('WARNING', `HTTPSConnectionPool(host='api.acmepay.example', port=443): Read timed out. (read timeout=10), retrying (attempt ${attempt + 1}/3)`),
    });
  }
  return { arrival: at, durationMs: 0, lines, ending: { kind: 'timeout' } };
}
