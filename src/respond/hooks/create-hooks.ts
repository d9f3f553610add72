import type { HookConfig } from '../config/hook-config';
import type { ResponsesConfig } from '../config/responses-config';
import type { AwsClients } from './aws-clients';
import { createDeactivateAccessKeyHook } from './deactivate-access-key-hook';
import { createDenyAllPolicyHook } from './deny-all-policy-hook';
import { createEventBridgeHook } from './eventbridge-hook';
import { createFunctionConcurrencyHook } from './function-concurrency-hook';
import type { Hook } from './hook';
import { createLambdaHook } from './lambda-hook';
import { createSnsHook } from './sns-hook';
import { createWebhookHook } from './webhook-hook';
import type { WebhookDeps } from './webhook-hook';

export interface HookDeps extends WebhookDeps {
  readonly aws: AwsClients;
}

export function createHook(name: string, config: HookConfig, deps: HookDeps): Hook {
  switch (config.type) {
    case 'webhook':
      return createWebhookHook(name, config, deps);
    case 'sns':
      return createSnsHook(name, config, deps.aws);
    case 'eventbridge':
      return createEventBridgeHook(name, config, deps.aws);
    case 'lambda':
      return createLambdaHook(name, config, deps.aws);
    case 'aws-action':
      switch (config.action) {
        case 'deactivate-access-key':
          return createDeactivateAccessKeyHook(name, config, deps.aws);
        case 'attach-deny-all-policy':
          return createDenyAllPolicyHook(name, config, deps.aws);
        case 'zero-function-concurrency':
          return createFunctionConcurrencyHook(name, config, deps.aws);
      }
  }
}

/** Every hook of the configuration, by name. */
export function createHooks(config: ResponsesConfig, deps: HookDeps): ReadonlyMap<string, Hook> {
  return new Map(Object.entries(config.hooks).map(([name, hook]) => [name, createHook(name, hook, deps)]));
}
