import type { LocalService } from './service';

// Jest runs globalSetup and globalTeardown in one process but may load each through its own
// module registry, so the hand-over lives on globalThis under a registered symbol.
const KEY = Symbol.for('logwarden.services.startedByTestSetup');

type Holder = { [KEY]?: readonly LocalService[] };

/** Records the services a test set-up started, for its teardown. */
export function rememberStartedServices(services: readonly LocalService[]): void {
  (globalThis as Holder)[KEY] = services;
}

/** The services the set-up started (and forgets them, so a second teardown does nothing). */
export function takeStartedServices(): readonly LocalService[] {
  const holder = globalThis as Holder;
  const services = holder[KEY] ?? [];
  delete holder[KEY];
  return services;
}
