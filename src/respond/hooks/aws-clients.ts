import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';

/** The SDK clients hooks call, each made on first use (a function that only posts webhooks loads none). */
export interface AwsClients {
  sns(): SNSClient;
  eventBridge(): EventBridgeClient;
  lambda(): LambdaClient;
  iam(): IAMClient;
  /** Where webhook signing secrets may be stored. */
  secretsManager(): SecretsManagerClient;
  ssm(): SSMClient;
}

export function lazyAwsClients(region: string | undefined): AwsClients {
  const config = region === undefined ? {} : { region };
  let sns: SNSClient | undefined;
  let eventBridge: EventBridgeClient | undefined;
  let lambda: LambdaClient | undefined;
  let iam: IAMClient | undefined;
  let secretsManager: SecretsManagerClient | undefined;
  let ssm: SSMClient | undefined;
  return {
    sns: () => (sns ??= new SNSClient(config)),
    eventBridge: () => (eventBridge ??= new EventBridgeClient(config)),
    lambda: () => (lambda ??= new LambdaClient(config)),
    iam: () => (iam ??= new IAMClient(config)),
    secretsManager: () => (secretsManager ??= new SecretsManagerClient(config)),
    ssm: () => (ssm ??= new SSMClient(config)),
  };
}
