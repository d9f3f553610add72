import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { AttachRolePolicyCommand, AttachUserPolicyCommand, GetAccessKeyLastUsedCommand, IAMClient, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { InvokeCommand, LambdaClient, PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { alertDocumentSchema } from '../../src/respond/alert-notice';
import { hookConfigSchema } from '../../src/respond/config/hook-config';
import { lazyAwsClients } from '../../src/respond/hooks/aws-clients';
import { createHook } from '../../src/respond/hooks/create-hooks';
import type { Hook, PlanContext } from '../../src/respond/hooks/hook';
import { ACCOUNT, cloudTrailAlert, cloudTrailEvent, LEAKED_KEY } from './support/alerts';

const sns = mockClient(SNSClient);
const events = mockClient(EventBridgeClient);
const lambda = mockClient(LambdaClient);
const iam = mockClient(IAMClient);

function hookOf(config: unknown): Hook {
  return createHook('h', hookConfigSchema.parse(config), { env: {}, aws: lazyAwsClients('eu-west-1') });
}

function context(alert: Record<string, unknown> = cloudTrailAlert(), event: Record<string, unknown> | null = cloudTrailEvent()): PlanContext {
  return { alert: alertDocumentSchema.parse(alert), ...(event === null ? {} : { event }), actionId: 'act_x', accounts: [ACCOUNT] };
}

async function planAndRun(hook: Hook, ctx: PlanContext = context()) {
  const planned = hook.plan(ctx);
  if (!planned.ok) throw new Error(planned.error);
  return { plan: planned.plan, result: await hook.execute(planned.plan, { actionId: 'act_x', now: () => new Date('2026-12-02T10:00:00Z') }) };
}

beforeEach(() => {
  sns.reset();
  events.reset();
  lambda.reset();
  iam.reset();
});

describe('respond: notification hooks (SDK stubbed)', () => {
  it('sns publishes the masked alert with filterable attributes', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const { result } = await planAndRun(hookOf({ type: 'sns', topicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:soc-alerts` }));
    expect(result).toEqual({ kind: 'done', detail: { messageId: 'm-1' } });
    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input).toEqual({
      TopicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:soc-alerts`,
      Subject: 'Logwarden high: AWS IAM Access Key Created For Another User',
      Message: expect.any(String),
      MessageAttributes: {
        alert_id: { DataType: 'String', StringValue: 'alert-0001' },
        rule_id: { DataType: 'String', StringValue: '84050626-65cf-46d7-b376-f175659b5abe' },
        level: { DataType: 'String', StringValue: 'high' },
        action_id: { DataType: 'String', StringValue: 'act_x' },
      },
    });
    const message = JSON.parse(input?.Message ?? '') as { alert: Record<string, unknown> };
    expect(JSON.stringify(message)).not.toContain(LEAKED_KEY);
    expect(message.alert).toEqual(cloudTrailAlert());
  });

  it('sns throttling is transient, authorization is permanent', async () => {
    sns.on(PublishCommand).rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } })).rejectsOnce(Object.assign(new Error('denied'), { name: 'AuthorizationErrorException', $metadata: { httpStatusCode: 403 } }));
    const hook = hookOf({ type: 'sns', topicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:soc` });
    expect((await planAndRun(hook)).result.kind).toBe('transient');
    expect((await planAndRun(hook)).result).toEqual({ kind: 'permanent', error: 'sns:Publish: AuthorizationErrorException: denied' });
  });

  it('eventbridge puts one event with the stable detail-type and the alert as detail', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const { result } = await planAndRun(hookOf({ type: 'eventbridge', eventBus: 'security' }));
    expect(result).toEqual({ kind: 'done', detail: { eventId: 'e-1' } });
    const entries = events.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries;
    expect(entries).toEqual([{ EventBusName: 'security', Source: 'logwarden', DetailType: 'Logwarden Alert', Detail: expect.any(String), Resources: [] }]);
    expect(JSON.parse(entries?.[0]?.Detail ?? '')).toEqual({ action_id: 'act_x', hook: 'h', alert: cloudTrailAlert() });
  });

  it('eventbridge reports a failed entry by its error code', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }] });
    expect((await planAndRun(hookOf({ type: 'eventbridge', eventBus: 'security' }))).result).toEqual({ kind: 'transient', error: 'events:PutEvents: ThrottlingException: slow down' });
  });

  it('lambda invokes asynchronously with the alert', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const arn = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:soc-playbook`;
    expect((await planAndRun(hookOf({ type: 'lambda', functionArn: arn }))).result).toEqual({ kind: 'done', detail: { status: 202 } });
    const input = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input?.FunctionName).toBe(arn);
    expect(input?.InvocationType).toBe('Event');
    expect(JSON.parse(Buffer.from(input?.Payload as Uint8Array).toString('utf8'))).toEqual({ action_id: 'act_x', hook: 'h', alert: cloudTrailAlert() });
  });
});

describe('respond: aws-action hooks (SDK stubbed)', () => {
  it('deactivate-access-key looks up the owner, then deactivates exactly that key', async () => {
    iam.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice' });
    iam.on(UpdateAccessKeyCommand).resolves({});
    const { plan, result } = await planAndRun(hookOf({ type: 'aws-action', action: 'deactivate-access-key' }));
    expect(plan.target).toBe(LEAKED_KEY);
    expect(result).toEqual({ kind: 'done', detail: expect.objectContaining({ userName: 'alice', accessKeyId: LEAKED_KEY }) });
    expect(iam.calls().map((c) => [c.args[0].constructor.name, c.args[0].input])).toEqual([
      ['GetAccessKeyLastUsedCommand', { AccessKeyId: LEAKED_KEY }],
      ['UpdateAccessKeyCommand', { UserName: 'alice', AccessKeyId: LEAKED_KEY, Status: 'Inactive' }],
    ]);
  });

  it('deactivate-access-key refuses a masked key, a temporary key and an account off the allow-list before any call', () => {
    const hook = hookOf({ type: 'aws-action', action: 'deactivate-access-key' });
    expect(hook.plan(context(cloudTrailAlert(), null))).toEqual({ ok: false, error: expect.stringContaining("'AKIA****DFGH' is not a long-term access key id") });
    const temporary = cloudTrailEvent();
    (temporary['aws'] as { cloudtrail: { responseElements: unknown } }).cloudtrail.responseElements = { accessKey: { accessKeyId: 'ASIAQWERTYUIOPASDFGH' } };
    expect(hook.plan(context(cloudTrailAlert(), temporary))).toEqual({ ok: false, error: expect.stringContaining('not a long-term access key id') });
    expect(hook.plan({ ...context(), accounts: ['999999999999'] })).toEqual({ ok: false, error: `account ${ACCOUNT} is not in the accounts allow-list` });
    expect(iam.calls()).toHaveLength(0);
  });

  it('deactivate-access-key does not touch a protected user', async () => {
    iam.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'break-glass' });
    const { result } = await planAndRun(hookOf({ type: 'aws-action', action: 'deactivate-access-key', protectedUsers: ['break-glass'] }));
    expect(result).toEqual({ kind: 'permanent', error: 'user break-glass is protected (protectedUsers)' });
    expect(iam.commandCalls(UpdateAccessKeyCommand)).toHaveLength(0);
  });

  it('attach-deny-all-policy quarantines the role behind an assumed-role session', async () => {
    iam.on(AttachRolePolicyCommand).resolves({});
    const { plan, result } = await planAndRun(hookOf({ type: 'aws-action', action: 'attach-deny-all-policy' }));
    expect(plan.target).toBe(`arn:aws:iam::${ACCOUNT}:role/ci-deployer`);
    expect(result.kind).toBe('done');
    expect(iam.calls().map((c) => [c.args[0].constructor.name, c.args[0].input])).toEqual([['AttachRolePolicyCommand', { RoleName: 'ci-deployer', PolicyArn: 'arn:aws:iam::aws:policy/AWSDenyAll' }]]);
  });

  it('attach-deny-all-policy quarantines a user by its ARN', async () => {
    iam.on(AttachUserPolicyCommand).resolves({});
    const event = cloudTrailEvent();
    (event['aws'] as { cloudtrail: { userIdentity: unknown } }).cloudtrail.userIdentity = { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/ops/bob` };
    const { result } = await planAndRun(hookOf({ type: 'aws-action', action: 'attach-deny-all-policy' }), context(cloudTrailAlert(), event));
    expect(result.kind).toBe('done');
    expect(iam.commandCalls(AttachUserPolicyCommand)[0]?.args[0].input).toEqual({ UserName: 'bob', PolicyArn: 'arn:aws:iam::aws:policy/AWSDenyAll' });
  });

  it('attach-deny-all-policy refuses protected, pipeline, service-linked and foreign principals', () => {
    const withIdentity = (arn: string) => {
      const event = cloudTrailEvent();
      (event['aws'] as { cloudtrail: { userIdentity: unknown } }).cloudtrail.userIdentity = { arn };
      return context({ ...cloudTrailAlert(), aws: {} }, event);
    };
    const hook = hookOf({ type: 'aws-action', action: 'attach-deny-all-policy', protectedNames: ['break-glass-*'] });
    expect(hook.plan(withIdentity(`arn:aws:iam::${ACCOUNT}:role/break-glass-admin`))).toEqual({ ok: false, error: expect.stringContaining('protected') });
    expect(hook.plan(withIdentity(`arn:aws:iam::${ACCOUNT}:role/logwarden-prod-respond`))).toEqual({ ok: false, error: expect.stringContaining('protected') });
    expect(hook.plan(withIdentity(`arn:aws:iam::${ACCOUNT}:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps`))).toEqual({ ok: false, error: expect.stringContaining('managed by AWS') });
    expect(hook.plan(withIdentity('arn:aws:iam::999999999999:role/x'))).toEqual({ ok: false, error: expect.stringContaining('not in the accounts allow-list') });
    expect(hook.plan(withIdentity(`arn:aws:iam::${ACCOUNT}:role/x*`))).toEqual({ ok: false, error: expect.stringContaining('invalid role name') });
    expect(iam.calls()).toHaveLength(0);
  });

  it('zero-function-concurrency throttles the alert function by full ARN', async () => {
    lambda.on(PutFunctionConcurrencyCommand).resolves({ ReservedConcurrentExecutions: 0 });
    const alert = { ...cloudTrailAlert(), faas: { name: 'orders-api' } };
    const { result } = await planAndRun(hookOf({ type: 'aws-action', action: 'zero-function-concurrency' }), context(alert, { ...cloudTrailEvent(), faas: { name: 'orders-api' } }));
    expect(result.kind).toBe('done');
    expect(lambda.commandCalls(PutFunctionConcurrencyCommand)[0]?.args[0].input).toEqual({ FunctionName: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders-api`, ReservedConcurrentExecutions: 0 });
  });

  it('zero-function-concurrency never throttles the pipeline itself or a malformed name', () => {
    const hook = hookOf({ type: 'aws-action', action: 'zero-function-concurrency' });
    expect(hook.plan(context(cloudTrailAlert(), { ...cloudTrailEvent(), faas: { name: 'logwarden-prod-detect' } }))).toEqual({ ok: false, error: expect.stringContaining('protected') });
    expect(hook.plan(context(cloudTrailAlert(), { ...cloudTrailEvent(), faas: { name: 'x; rm -rf /' } }))).toEqual({ ok: false, error: expect.stringContaining('not a Lambda function name') });
    expect(lambda.calls()).toHaveLength(0);
  });
});

describe('respond: IAM each hook declares', () => {
  it('names exactly the actions and resources each hook calls', () => {
    const perms = (config: unknown) => hookOf(config).permissions([ACCOUNT]);
    expect(perms({ type: 'sns', topicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:t` })).toEqual([{ Effect: 'Allow', Action: ['sns:Publish'], Resource: [`arn:aws:sns:eu-west-1:${ACCOUNT}:t`] }]);
    expect(perms({ type: 'aws-action', action: 'deactivate-access-key' })).toEqual([{ Effect: 'Allow', Action: ['iam:GetAccessKeyLastUsed', 'iam:UpdateAccessKey'], Resource: [`arn:\${AWS::Partition}:iam::${ACCOUNT}:user/*`] }]);
    expect(perms({ type: 'aws-action', action: 'attach-deny-all-policy', principalTypes: ['role'] })).toEqual([
      { Effect: 'Allow', Action: ['iam:AttachRolePolicy'], Resource: [`arn:\${AWS::Partition}:iam::${ACCOUNT}:role/*`], Condition: { ArnEquals: { 'iam:PolicyARN': ['arn:aws:iam::aws:policy/AWSDenyAll'] } } },
    ]);
    expect(perms({ type: 'webhook', url: 'https://x.example.com', secretEnv: 'S' })).toEqual([]);
  });
});
