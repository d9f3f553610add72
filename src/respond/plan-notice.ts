import { actionIdOf } from './actions/action-id';
import type { AlertDocument } from './alert-notice';
import type { ResponsesConfig } from './config/responses-config';
import type { Hook, IamStatement } from './hooks/hook';
import { hookKind } from './hooks/hook';
import { modeOf } from './respond-engine';
import { selectRoutes } from './select-routes';

/** What respond would do for one alert, computed with the same code as the stage, without sending. */
export interface ProposedAction {
  readonly route: string;
  readonly hook: string;
  readonly kind: string;
  readonly actionId: string;
  readonly mode: 'execute' | 'dry-run' | 'await-approval';
  readonly target?: string;
  readonly request?: Readonly<Record<string, unknown>>;
  /** Why the action would fail before any call (an invalid or disallowed parameter). */
  readonly error?: string;
  readonly permissions: readonly IamStatement[];
}

export function proposeActions(alert: AlertDocument, event: Readonly<Record<string, unknown>> | undefined, config: ResponsesConfig, hooks: ReadonlyMap<string, Hook>, route?: string): ProposedAction[] {
  const proposed: ProposedAction[] = [];
  const seen = new Set<string>();
  for (const r of selectRoutes(alert, config, route)) {
    for (const ref of r.hooks) {
      const name = typeof ref === 'string' ? ref : ref.hook;
      const hook = hooks.get(name);
      if (hook === undefined || seen.has(name)) continue;
      seen.add(name);
      const actionId = actionIdOf(alert.alert.id, name);
      const mode = modeOf(r, typeof ref === 'string' ? {} : ref, hook, config, false);
      const planned = hook.plan({ alert, ...(event === undefined ? {} : { event }), actionId, accounts: config.accounts });
      proposed.push({
        route: r.name,
        hook: name,
        kind: hookKind(hook.config),
        actionId,
        mode: mode.dryRun ? 'dry-run' : mode.approvalRequired ? 'await-approval' : 'execute',
        ...(planned.ok ? { target: planned.plan.target, request: planned.plan.request } : { error: planned.error }),
        permissions: hook.permissions(config.accounts),
      });
    }
  }
  return proposed;
}

/** The IAM statements the respond function needs for the hooks that enabled routes use. */
export function permissionsFor(config: ResponsesConfig, hooks: ReadonlyMap<string, Hook>): { hook: string; statements: IamStatement[] }[] {
  const used = new Set(config.routes.filter((r) => r.enabled).flatMap((r) => r.hooks.map((ref) => (typeof ref === 'string' ? ref : ref.hook))));
  return [...used].sort().flatMap((name) => {
    const hook = hooks.get(name);
    return hook === undefined ? [] : [{ hook: name, statements: hook.permissions(config.accounts) }];
  });
}
