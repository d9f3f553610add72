import { fakeAccessKeyId, fakeSessionToken } from '../attacks/fake-secrets';
import type { Deployment } from '../lambda/invocation-plan';
import { logGroupOf } from '../lambda/lambda-function';
import type { SimulatedFunction } from '../lambda/simulate-function';
import type { SamplePrng } from '../prng';
import { cloudTrailResponseDate, HOUR_MS, isoSeconds } from '../sample-time';
import type { SampleTimeline } from '../timeline';
import type { CloudTrailCall } from './cloudtrail-record';
import { assumedRole, awsService, githubWebIdentity, roleArn, uniqueId } from './identities';

/** What Lambda's own worker sends when it creates a function's log stream. */
const LAMBDA_WORKER_AGENT = 'awslambda-worker/1.0 rusoto/0.48.0 rust/1.80.1 linux';
const BOTO3_AGENT = 'Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.145';
const CI_AGENT = 'aws-cli/2.22.12 md/awscrt#0.23.4 ua/2.0 os/linux#6.8.0-1017-azure md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython exec-env/GitHub-Actions cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off';
const CI_REPOSITORY = 'repo:example-shop/platform:ref:refs/heads/main';
const CI_ROLE = 'github-actions-deploy';

/** A public address of the region, as seen when a function calls an AWS API from outside a VPC. */
export function regionAddress(prng: SamplePrng): string {
  const prefix = prng.pick(['34.240', '34.245', '52.208', '52.211', '54.73', '3.250']);
  return `${prefix}.${prng.int(1, 254)}.${prng.int(1, 254)}`;
}

/**
 * CloudTrail's view of the functions: for each new execution environment, Lambda assumes the
 * function's role (an AWSService call) and creates the log stream with it; payments-worker
 * reads its SSM parameters at init and publishes metrics; CI deploys new code.
 */
export function lambdaActivity(prng: SamplePrng, timeline: SampleTimeline, functions: readonly SimulatedFunction[], deployments: ReadonlyMap<string, readonly Deployment[]>): CloudTrailCall[] {
  const calls: CloudTrailCall[] = [];
  for (const sim of functions) {
    const role = `${sim.fn.name}-role`;
    for (const env of sim.environments) {
      const accessKeyId = fakeAccessKeyId(prng, 'ASIA');
      const assumedAt = env.createdAt - prng.int(120, 600);
      calls.push(lambdaAssumesRole(prng, timeline, assumedAt, role, sim.fn.name, accessKeyId));
      const session = { account: timeline.account, roleName: role, sessionName: sim.fn.name, accessKeyId, since: assumedAt };
      calls.push({
        time: env.createdAt + prng.int(40, 400),
        identity: assumedRole(session),
        eventSource: 'logs.amazonaws.com',
        eventName: 'CreateLogStream',
        sourceIp: regionAddress(prng),
        userAgent: LAMBDA_WORKER_AGENT,
        request: { logGroupName: logGroupOf(sim.fn), logStreamName: env.logStream },
        readOnly: false,
      });
      if (sim.fn.name === 'payments-worker') {
        calls.push({
          time: env.createdAt + prng.int(300, 700),
          identity: assumedRole(session),
          eventSource: 'ssm.amazonaws.com',
          eventName: 'GetParametersByPath',
          sourceIp: regionAddress(prng),
          userAgent: BOTO3_AGENT,
          request: { path: '/shop/prod/payments', recursive: true, withDecryption: true },
          readOnly: true,
          tlsHost: 'ssm.eu-west-1.amazonaws.com',
        });
      }
    }
    if (sim.fn.name === 'payments-worker') calls.push(...metricCalls(prng, timeline, sim));
    for (const deployment of deployments.get(sim.fn.name) ?? []) calls.push(...ciDeploy(prng, timeline, deployment.at, sim.fn.name, sim.fn.runtime.id));
  }
  return calls;
}

function lambdaAssumesRole(prng: SamplePrng, timeline: SampleTimeline, at: number, role: string, sessionName: string, accessKeyId: string): CloudTrailCall {
  const arn = roleArn(timeline.account, role);
  return {
    time: at,
    identity: awsService('lambda.amazonaws.com'),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    sourceIp: 'lambda.amazonaws.com',
    userAgent: 'lambda.amazonaws.com',
    request: { roleArn: arn, roleSessionName: sessionName },
    response: { credentials: { accessKeyId, sessionToken: fakeSessionToken(prng), expiration: cloudTrailResponseDate(at + 12 * HOUR_MS) } },
    readOnly: true,
    resources: [{ accountId: timeline.account, type: 'AWS::IAM::Role', ARN: arn }],
    shared: true,
  };
}

/** CloudWatch metric data events (recorded when the trail selects them): the worker's custom metrics. */
function metricCalls(prng: SamplePrng, timeline: SampleTimeline, sim: SimulatedFunction): CloudTrailCall[] {
  const calls: CloudTrailCall[] = [];
  for (const event of sim.events) {
    if (!event.message.startsWith('START RequestId:') || !prng.chance(0.5)) continue;
    const session = { account: timeline.account, roleName: `${sim.fn.name}-role`, sessionName: sim.fn.name, accessKeyId: fakeAccessKeyId(prng, 'ASIA'), since: event.timestamp - HOUR_MS };
    calls.push({
      time: event.timestamp + prng.int(150, 900),
      identity: assumedRole(session),
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'PutMetricData',
      sourceIp: regionAddress(prng),
      userAgent: BOTO3_AGENT,
      request: { namespace: 'Shop/Payments' },
      readOnly: false,
      category: 'Data',
      tlsHost: 'monitoring.eu-west-1.amazonaws.com',
    });
  }
  return calls;
}

/** The deploy job: GitHub's OIDC token for the deploy role, then the new code. */
function ciDeploy(prng: SamplePrng, timeline: SampleTimeline, at: number, functionName: string, runtime: string): CloudTrailCall[] {
  const runnerIp = `192.0.2.${prng.int(200, 230)}`;
  const accessKeyId = fakeAccessKeyId(prng, 'ASIA');
  const assumedAt = at - prng.int(20, 70) * 1000;
  const arn = roleArn(timeline.account, CI_ROLE);
  const session = { account: timeline.account, roleName: CI_ROLE, sessionName: 'GitHubActions', accessKeyId, since: assumedAt };
  return [
    {
      time: assumedAt,
      identity: githubWebIdentity(CI_REPOSITORY),
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRoleWithWebIdentity',
      sourceIp: runnerIp,
      userAgent: CI_AGENT,
      request: { roleArn: arn, roleSessionName: 'GitHubActions', durationSeconds: 3600 },
      response: {
        credentials: { accessKeyId, sessionToken: fakeSessionToken(prng), expiration: cloudTrailResponseDate(assumedAt + HOUR_MS) },
        subjectFromWebIdentityToken: CI_REPOSITORY,
        assumedRoleUser: { assumedRoleId: `${uniqueId('AROA', CI_ROLE)}:GitHubActions`, arn: `arn:aws:sts::${timeline.account}:assumed-role/${CI_ROLE}/GitHubActions` },
        provider: `arn:aws:iam::${timeline.account}:oidc-provider/token.actions.githubusercontent.com`,
        audience: 'sts.amazonaws.com',
      },
      readOnly: true,
      resources: [{ accountId: timeline.account, type: 'AWS::IAM::Role', ARN: arn }],
      tlsHost: 'sts.eu-west-1.amazonaws.com',
    },
    {
      time: at,
      identity: assumedRole(session),
      eventSource: 'lambda.amazonaws.com',
      eventName: 'UpdateFunctionCode20150331v2',
      sourceIp: runnerIp,
      userAgent: `${CI_AGENT} md/command#lambda.update-function-code`,
      request: { functionName, publish: false, dryRun: false },
      response: updatedFunction(prng, timeline, functionName, runtime, at),
      readOnly: false,
      tlsHost: 'lambda.eu-west-1.amazonaws.com',
    },
  ];
}

/** UpdateFunctionCode's response: the function configuration with the new code's hash. */
export function updatedFunction(prng: SamplePrng, timeline: SampleTimeline, functionName: string, runtime: string, at: number): Record<string, unknown> {
  return {
    functionName,
    functionArn: `arn:aws:lambda:${timeline.region}:${timeline.account}:function:${functionName}`,
    runtime,
    role: roleArn(timeline.account, `${functionName}-role`),
    codeSize: prng.int(400_000, 9_000_000),
    lastModified: `${isoSeconds(at).slice(0, 19)}.${String(prng.int(0, 999)).padStart(3, '0')}+0000`,
    codeSha256: Buffer.from(prng.hex(64), 'hex').toString('base64'),
    version: '$LATEST',
    revisionId: prng.uuid(),
    state: 'Active',
    lastUpdateStatus: 'InProgress',
    lastUpdateStatusReason: 'The function is being created.',
    lastUpdateStatusReasonCode: 'Creating',
    packageType: 'Zip',
    architectures: ['arm64'],
  };
}
