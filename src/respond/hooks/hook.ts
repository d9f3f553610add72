import type { AlertDocument } from '../alert-notice';
import type { HookConfig } from '../config/hook-config';

/** What a hook plans with: the alert (masked, as indexed) and, for parameters only, its event. */
export interface PlanContext {
  readonly alert: AlertDocument;
  readonly event?: Readonly<Record<string, unknown>>;
  readonly actionId: string;
  /** The accounts aws-action hooks may act in (`accounts:` of responses.yml). */
  readonly accounts: readonly string[];
}

/** One action, computed but not executed: what `respond test` shows and approvals store. */
export interface PlannedAction {
  /** What the action touches, for per-target rate limits and records: a URL, a key id, a role ARN. */
  readonly target: string;
  /** Exactly what would be sent (JSON): a webhook request, or AWS API calls with their inputs. */
  readonly request: Readonly<Record<string, unknown>>;
}

export type PlanResult = { readonly ok: true; readonly plan: PlannedAction } | { readonly ok: false; readonly error: string };

/** `transient`: worth another attempt (throttling, 5xx, a timeout); `permanent`: it will not work by retrying. */
export type ExecutionResult =
  | { readonly kind: 'done'; readonly detail?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'transient'; readonly error: string }
  | { readonly kind: 'permanent'; readonly error: string };

export interface ExecutionContext {
  readonly actionId: string;
  readonly now: () => Date;
}

/** One IAM policy statement the respond function needs for a hook. */
export interface IamStatement {
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface Hook {
  /** The name under `hooks:` in responses.yml. */
  readonly name: string;
  readonly config: HookConfig;
  /** Validates every parameter the alert supplies and builds the exact request; sends nothing. */
  plan(context: PlanContext): PlanResult;
  /** Sends a plan (freshly made, or stored while it awaited approval). Never throws for a failed call. */
  execute(plan: PlannedAction, context: ExecutionContext): Promise<ExecutionResult>;
  /** Exactly the permissions `execute` uses, for the deployment to grant. */
  permissions(accounts: readonly string[]): IamStatement[];
}

/** `webhook`, `sns`, …, or `aws-action:<action>`: what audit records and metrics call a hook's kind. */
export function hookKind(config: HookConfig): string {
  return config.type === 'aws-action' ? `aws-action:${config.action}` : config.type;
}
