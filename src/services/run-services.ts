import { ServiceError } from './service';
import type { LocalService, ServiceReporter, ServiceStatus, StartResult, StopOutcome } from './service';

export interface ServiceUp {
  readonly service: LocalService;
  readonly start: StartResult;
  readonly resources: readonly string[];
}

export interface StartServicesOptions {
  /** Stop what this call started when a later step fails (the jest global setup wants this). */
  readonly stopStartedOnFailure?: boolean;
}

/** Starts (or reuses) each service in order and creates its resources. */
export async function startServices(services: readonly LocalService[], report: ServiceReporter, options: StartServicesOptions = {}): Promise<ServiceUp[]> {
  const up: ServiceUp[] = [];
  try {
    for (const service of services) {
      const start = await service.start();
      up.push({ service, start, resources: [] });
      const resources = await service.ensureResources();
      up[up.length - 1] = { service, start, resources };
    }
    return up;
  } catch (error) {
    if (options.stopStartedOnFailure === true) {
      await stopServices(up.filter((u) => u.start.outcome === 'started').map((u) => u.service)).catch((stopError: unknown) => {
        report(`could not stop services after the failure: ${describeError(stopError)}`);
      });
    }
    throw error instanceof ServiceError ? error : new ServiceError(services[up.length]?.name ?? 'services', describeError(error), { cause: error });
  }
}

/** Stops services in reverse start order; every service is attempted even if one fails. */
export async function stopServices(services: readonly LocalService[]): Promise<{ name: string; outcome: StopOutcome }[]> {
  const outcomes: { name: string; outcome: StopOutcome }[] = [];
  const failures: ServiceError[] = [];
  for (const service of [...services].reverse()) {
    try {
      outcomes.push({ name: service.name, outcome: await service.stop() });
    } catch (error) {
      failures.push(error instanceof ServiceError ? error : new ServiceError(service.name, `could not stop: ${describeError(error)}`, { cause: error }));
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, failures.map((f) => f.message).join('; '));
  return outcomes;
}

export async function describeServices(services: readonly LocalService[]): Promise<{ name: string; status: ServiceStatus }[]> {
  return Promise.all(services.map(async (service) => ({ name: service.name, status: await service.status() })));
}

/** The environment that points clients at every running service. */
export function clientEnvOf(up: readonly ServiceUp[]): Record<string, string> {
  return Object.assign({}, ...up.map((u) => u.service.clientEnv())) as Record<string, string>;
}

/** An error and its causes on one line each, for terminal output. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    const line = e instanceof Error ? e.message : String(e);
    // A wrapper that only prefixes the service name ("opensearch: …") says nothing more.
    if (!(lines.at(-1)?.endsWith(line) ?? false)) lines.push(line);
    e = e instanceof Error ? e.cause : undefined;
  }
  return [...new Set(lines)].join('\n  caused by: ');
}
