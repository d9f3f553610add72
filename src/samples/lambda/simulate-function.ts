import type { SamplePrng } from '../prng';
import type { SampleLogEvent } from '../sample-event';
import { EnvironmentPool, type ExecutionEnvironment } from './environment-pool';
import type { AppLine, Deployment, InvocationPlan } from './invocation-plan';
import type { LambdaFunction } from './lambda-function';
import { InvocationRenderer } from './render-invocation';

/** One function's day: its configuration, deployments, module init output and invocations. */
export interface FunctionScenario {
  readonly fn: LambdaFunction;
  readonly invocations: readonly InvocationPlan[];
  readonly deployments: readonly Deployment[];
  /** What the module prints while it loads, for a cold start at `at`. */
  readonly initLines: (at: number) => readonly AppLine[];
}

export interface SimulatedFunction {
  readonly fn: LambdaFunction;
  readonly events: readonly SampleLogEvent[];
  /** Every execution environment started (each created a log stream). */
  readonly environments: readonly ExecutionEnvironment[];
}

/** Runs the invocations in arrival order through Lambda's environments and writes their logs. */
export function simulateFunction(scenario: FunctionScenario, prng: SamplePrng): SimulatedFunction {
  const { fn } = scenario;
  const pool = new EnvironmentPool(prng, fn.baseMemoryMb);
  const renderer = new InvocationRenderer(fn, prng);
  const deployments = [...scenario.deployments].sort((a, b) => a.at - b.at);
  let nextDeployment = 0;
  let deployed: Deployment | undefined;
  for (const plan of [...scenario.invocations].sort((a, b) => a.arrival - b.arrival)) {
    for (let d = deployments[nextDeployment]; d !== undefined && d.at <= plan.arrival; d = deployments[++nextDeployment]) {
      deployed = d;
      pool.retireAll();
    }
    const { environment, cold } = pool.acquire(plan.arrival);
    const survived = renderer.render(environment, cold, plan, cold ? scenario.initLines(plan.arrival) : [], deployed?.brokenInit);
    if (!survived) pool.retire(environment);
  }
  return { fn, events: renderer.events, environments: pool.allCreated() };
}
