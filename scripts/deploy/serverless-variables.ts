import { readFileSync } from 'node:fs';
import { DEFAULT_RESPONSES_FILE, parseResponsesConfig } from '../../src/respond/config/load-responses';
import type { CfnObject } from './cloudformation';
import { sub } from './cloudformation';
import { parseDeploySettings } from './deploy-settings';
import type { DeploySettings } from './deploy-settings';
import { pipelineAlarms } from './pipeline-alarms';
import { respondHooksPolicy } from './respond-permissions';
import { subscriptionResources } from './subscriptions';

/**
 * Variables serverless.yml resolves with `${file(./dist/scripts/deploy/serverless-variables.js):…}`:
 * the resources that depend on the list of subscribed log groups, and values built from settings.
 * Serverless v3 calls each export with its resolver API.
 */
interface ResolverApi {
  readonly resolveConfigurationProperty: (path: readonly string[]) => Promise<unknown>;
}

async function settingsOf(api: ResolverApi): Promise<DeploySettings> {
  return parseDeploySettings(await api.resolveConfigurationProperty(['custom', 'logwarden']));
}

export async function generatedResources(api: ResolverApi): Promise<{ Resources: Record<string, CfnObject> }> {
  const settings = await settingsOf(api);
  // respond ships detections/responses.yml (serverless.yml packages it): its hooks' permissions follow it.
  const responses = parseResponsesConfig(readFileSync(DEFAULT_RESPONSES_FILE, 'utf8'), DEFAULT_RESPONSES_FILE);
  return { Resources: { ...subscriptionResources(settings), ...pipelineAlarms(settings), ...respondHooksPolicy(responses, `${settings.service}-${settings.stage}`) } };
}

/** LOGWARDEN_NORMALIZE_CONFIG: logs are accepted from this account and the trusted ones only. */
export async function normalizeConfig(api: ResolverApi): Promise<CfnObject> {
  return normalizeConfigValue(await settingsOf(api));
}

export function normalizeConfigValue(settings: DeploySettings): CfnObject {
  const accounts = ['${AWS::AccountId}', ...settings.trustedAccounts];
  return sub(JSON.stringify({ accounts }));
}
