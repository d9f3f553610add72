import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';

/** The SDK clients hooks call, each made on first use (a function that only posts webhooks loads none). */
export interface AwsClients {
  sns(): SNSClient;
  eventBridge(): EventBridgeClient;
  lambda(): LambdaClient;
  iam(): IAMClient;
}

export function lazyAwsClients(region: string | undefined): AwsClients {
  const config = region === undefined ? {} : { region };
  let sns: SNSClient | undefined;
  let eventBridge: EventBridgeClient | undefined;
  let lambda: LambdaClient | undefined;
  let iam: IAMClient | undefined;
  return {
    sns: () => (sns ??= new SNSClient(config)),
    eventBridge: () => (eventBridge ??= new EventBridgeClient(config)),
    lambda: () => (lambda ??= new LambdaClient(config)),
    iam: () => (iam ??= new IAMClient(config)),
  };
}
