import type { SamplePrng } from '../../prng';
import { HOUR_MS, isoMillis, spreadOverDay } from '../../sample-time';
import type { AppLine, InvocationPlan } from '../invocation-plan';
import { type LambdaFunction, PYTHON_312 } from '../lambda-function';
import { pythonLog } from '../runtime-lines';
import type { FunctionScenario } from '../simulate-function';
import { paced, scaled, type ScenarioContext } from './scenario-context';

/** Renders PDF reports (hourly schedule and on demand): Python 3.12 with a native PDF library, text logs. */
export const REPORT_GENERATOR: LambdaFunction = {
  name: 'report-generator',
  runtime: PYTHON_312,
  logFormat: 'Text',
  memorySizeMb: 1024,
  timeoutSeconds: 120,
  tracing: false,
  baseMemoryMb: 186,
  initMs: [900, 1650],
};

const ON_DEMAND_REPORTS = 30;
const REPORTS = ['daily-sales', 'stock-levels', 'refunds', 'payouts'];

export function reportGeneratorScenario(ctx: ScenarioContext): FunctionScenario {
  const { prng, timeline } = ctx;
  const { reportBadDeploy, reportRollback } = timeline.at;
  const scheduled = Array.from({ length: 24 }, (_, hour) => timeline.start + hour * HOUR_MS + prng.int(400, 2500));
  const onDemand = spreadOverDay(prng, scaled(ON_DEMAND_REPORTS, ctx.scale), timeline.start);
  // SQS redelivers the failed report requests again and again while the bad template is live.
  const redeliveries = paced(prng, reportBadDeploy + 30_000, 40, 35_000, 75_000).filter((t) => t < reportRollback);
  const invocations = [...scheduled, ...onDemand, ...redeliveries].map((at) => {
    const crashing = at >= reportBadDeploy && at < reportRollback;
    return render(prng, at, timeline.start, crashing);
  });
  return {
    fn: REPORT_GENERATOR,
    invocations,
    // Template v42 ships a font the native renderer crashes on; v41 comes back with the rollback.
    deployments: [{ at: reportBadDeploy }, { at: reportRollback }],
    initLines: () => [{ atMs: 700, render: pythonLog('INFO', 'fonts loaded: 14 families, template cache warm') }],
  };
}

function render(prng: SamplePrng, at: number, dayStart: number, crashing: boolean): InvocationPlan {
  const report = prng.pick(REPORTS);
  const hour = isoMillis(Math.floor((at - dayStart) / HOUR_MS) * HOUR_MS + dayStart).slice(0, 13);
  const lines: AppLine[] = [{ atMs: 4, render: pythonLog('INFO', `rendering report ${report} window=${hour}:00Z template=${crashing ? 'v42' : 'v41'}`) }];
  if (crashing) {
    return {
      arrival: at,
      durationMs: prng.around(1_100, 2_400),
      lines,
      ending: { kind: 'runtime-exit', errorType: 'Runtime.ExitError', reason: 'signal: segmentation fault (core dumped)', incident: 'crash-loop' },
    };
  }
  const renderMs = prng.around(1_300, 4_800);
  lines.push({ atMs: renderMs, render: pythonLog('INFO', `uploaded s3://shop-reports-111122223333/${report}/${hour}.pdf (${prng.int(90, 420)} KB) in ${(renderMs / 1000).toFixed(2)}s`) });
  return { arrival: at, durationMs: renderMs + prng.between(3, 12), lines, ending: { kind: 'success' } };
}
