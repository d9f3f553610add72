import { stopServices } from '../src/services/run-services';
import { takeStartedServices } from '../src/services/started-services';

/** Stops only what the global setup started; services that were already running stay up. */
export default async function globalTeardown(): Promise<void> {
  const started = takeStartedServices();
  if (started.length === 0) return;
  for (const { name, outcome } of await stopServices(started)) process.stderr.write(`[services] ${name}: ${outcome}\n`);
}
