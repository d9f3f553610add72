import { fakeAccessKeyId, fakeSessionToken } from '../attacks/fake-secrets';
import type { SamplePrng } from '../prng';
import type { AttackKind } from '../sample-event';
import { cloudTrailResponseDate, DAY_MS, HOUR_MS, MINUTE_MS } from '../sample-time';
import { ATTACKER_IPS, type SampleTimeline } from '../timeline';
import { type CloudTrailCall, GLOBAL_REGION, type JsonObject, serviceHost } from './cloudtrail-record';
import { assumedRole, iamUser, roleArn, rootUser, uniqueId } from './identities';
import { updatedFunction } from './lambda-activity';

const KALI_CLI = 'aws-cli/2.15.30 Python/3.11.8 Linux/6.6.15-amd64 exe/x86_64.kali.2024 prompt/off';
const ROOT_BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** One step of the attacker: a CloudTrail call made from the operator's machine with the CLI. */
type Step = Omit<CloudTrailCall, 'sourceIp' | 'userAgent' | 'tlsHost'> & { readonly command: string };

/**
 * The account side of the story (A8 records): the leaked key is used for discovery and to create
 * a key for another user; root signs in without MFA; that new key disables GuardDuty and Security
 * Hub, schedules a KMS key for deletion, shares a snapshot and opens a bucket; in the evening it
 * assumes an admin role and tampers with Logwarden itself.
 */
export function accountAttacks(prng: SamplePrng, timeline: SampleTimeline): CloudTrailCall[] {
  const aliceKey = fakeAccessKeyId(prng);
  return [
    ...leakedKeyUse(timeline, aliceKey),
    ...rootSignIn(prng, timeline),
    ...defenceEvasion(prng, timeline, aliceKey),
    ...pipelineTampering(prng, timeline, aliceKey),
  ];
}

function fromOperator(step: Step, defaultRegion: string): CloudTrailCall {
  const region = step.region ?? defaultRegion;
  const { command, ...call } = step;
  return { ...call, sourceIp: ATTACKER_IPS.operator, userAgent: `${KALI_CLI} command/${command}`, tlsHost: serviceHost(step.eventSource, region) };
}

function leakedKeyUse(timeline: SampleTimeline, aliceKey: string): CloudTrailCall[] {
  const { account } = timeline;
  const me = iamUser(account, timeline.leakedKey.userName, timeline.leakedKey.accessKeyId);
  const at = timeline.at.leakedKeyUse;
  const used: AttackKind[] = ['leaked-key-used'];
  const denied = `User: arn:aws:iam::${account}:user/${timeline.leakedKey.userName} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${account}:user/backup-sync because no identity-based policy allows the iam:CreateUser action`;
  const steps: Step[] = [
    { time: at, identity: me, eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', readOnly: true, command: 'sts.get-caller-identity', attacks: used },
    { time: at + 41_000, identity: me, eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', region: GLOBAL_REGION, readOnly: true, command: 'iam.list-users', attacks: used },
    { time: at + 77_000, identity: me, eventSource: 'iam.amazonaws.com', eventName: 'ListAttachedUserPolicies', region: GLOBAL_REGION, request: { userName: timeline.leakedKey.userName }, readOnly: true, command: 'iam.list-attached-user-policies', attacks: used },
    { time: at + 118_000, identity: me, eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', request: { Host: 's3.eu-west-1.amazonaws.com' }, readOnly: true, command: 's3.ls', attacks: used },
    { time: at + 203_000, identity: me, eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', region: GLOBAL_REGION, request: { userName: 'backup-sync' }, error: { code: 'AccessDenied', message: denied }, readOnly: false, command: 'iam.create-user', attacks: used },
    {
      time: at + 6 * MINUTE_MS + 12_000,
      identity: me,
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      region: GLOBAL_REGION,
      request: { userName: 'alice' },
      response: { accessKey: { accessKeyId: aliceKey, status: 'Active', userName: 'alice', createDate: cloudTrailResponseDate(at + 6 * MINUTE_MS + 12_000) } },
      readOnly: false,
      command: 'iam.create-access-key',
      attacks: ['access-key-for-other-user'],
    },
  ];
  return steps.map((step) => fromOperator(step, timeline.region));
}

function rootSignIn(prng: SamplePrng, timeline: SampleTimeline): CloudTrailCall[] {
  const at = timeline.at.rootLogin;
  const signIn = (time: number, success: boolean): CloudTrailCall => ({
    time,
    identity: rootUser(timeline.account),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    region: GLOBAL_REGION,
    sourceIp: ATTACKER_IPS.rootLogin,
    userAgent: ROOT_BROWSER,
    ...(success ? {} : { error: { message: 'Failed authentication' } }),
    response: { ConsoleLogin: success ? 'Success' : 'Failure' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true', MobileVersion: 'No', MFAUsed: 'No' },
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    noRequestId: true,
    tlsHost: 'signin.aws.amazon.com',
    attacks: [success ? 'root-login-without-mfa' : 'root-login-failed'],
  });
  const session = { accessKeyId: fakeAccessKeyId(prng, 'ASIA'), since: at };
  const rootCall = (time: number, eventName: string, request: JsonObject | null): CloudTrailCall => ({
    time,
    identity: rootUser(timeline.account, session),
    eventSource: 'iam.amazonaws.com',
    eventName,
    region: GLOBAL_REGION,
    sourceIp: ATTACKER_IPS.rootLogin,
    userAgent: 'AWS Internal',
    request,
    readOnly: true,
    tlsHost: 'iam.amazonaws.com',
    fromConsole: true,
    attacks: ['root-login-without-mfa'],
  });
  return [
    signIn(at - prng.int(150, 200) * 1000, false),
    signIn(at - prng.int(40, 90) * 1000, false),
    signIn(at, true),
    rootCall(at + 35_000, 'GetAccountSummary', null),
    rootCall(at + 52_000, 'ListMFADevices', null),
    rootCall(at + 80_000, 'ListAccessKeys', null),
  ];
}

function defenceEvasion(prng: SamplePrng, timeline: SampleTimeline, aliceKey: string): CloudTrailCall[] {
  const { account, region } = timeline;
  const alice = iamUser(account, 'alice', aliceKey);
  const at = timeline.at.defenceEvasion;
  const keyArn = `arn:aws:kms:${region}:${account}:key/${prng.uuid()}`;
  const snapshotId = `snap-0${prng.hex(16)}`;
  const bucket = `shop-invoices-${account}`;
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }],
  };
  const steps: Step[] = [
    { time: at, identity: alice, eventSource: 'guardduty.amazonaws.com', eventName: 'ListDetectors', readOnly: true, command: 'guardduty.list-detectors' },
    {
      time: at + 24_000,
      identity: alice,
      eventSource: 'guardduty.amazonaws.com',
      eventName: 'DeleteDetector',
      request: { detectorId: prng.hex(32) },
      readOnly: false,
      command: 'guardduty.delete-detector',
      attacks: ['guardduty-detector-deleted'],
    },
    { time: at + 71_000, identity: alice, eventSource: 'securityhub.amazonaws.com', eventName: 'DisableSecurityHub', request: {}, readOnly: false, command: 'securityhub.disable-security-hub', attacks: ['security-hub-disabled'] },
    {
      time: at + 6 * MINUTE_MS,
      identity: alice,
      eventSource: 'kms.amazonaws.com',
      eventName: 'ScheduleKeyDeletion',
      request: { keyId: keyArn, pendingWindowInDays: 7 },
      response: { keyId: keyArn, deletionDate: cloudTrailResponseDate(at + 7 * DAY_MS + HOUR_MS), keyState: 'PendingDeletion', pendingWindowInDays: 7 },
      readOnly: false,
      resources: [{ accountId: account, type: 'AWS::KMS::Key', ARN: keyArn }],
      command: 'kms.schedule-key-deletion',
      attacks: ['kms-key-deletion-scheduled'],
    },
    {
      time: at + 12 * MINUTE_MS,
      identity: alice,
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifySnapshotAttribute',
      request: { snapshotId, createVolumePermission: { add: { items: [{ group: 'all' }] } }, attributeType: 'CREATE_VOLUME_PERMISSION' },
      response: { requestId: prng.uuid(), _return: true },
      readOnly: false,
      command: 'ec2.modify-snapshot-attribute',
      attacks: ['snapshot-shared-publicly'],
    },
    {
      time: at + 17 * MINUTE_MS,
      identity: alice,
      eventSource: 's3.amazonaws.com',
      eventName: 'PutBucketPolicy',
      request: { bucketPolicy: policy, bucketName: bucket, Host: `${bucket}.s3.${region}.amazonaws.com`, policy: '' },
      additionalEventData: { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: 312, AuthenticationMethod: 'AuthHeader', 'x-amz-id-2': prng.chars(76, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'), bytesTransferredOut: 0 },
      requestId: prng.chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
      readOnly: false,
      resources: [{ accountId: account, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
      command: 's3api.put-bucket-policy',
      attacks: ['bucket-policy-public'],
    },
  ];
  return steps.map((step) => fromOperator(step, timeline.region));
}

function pipelineTampering(prng: SamplePrng, timeline: SampleTimeline, aliceKey: string): CloudTrailCall[] {
  const { account } = timeline;
  const at = timeline.at.tampering;
  const roleSessionKey = fakeAccessKeyId(prng, 'ASIA');
  const admin = assumedRole({ account, roleName: 'ops-admin', sessionName: 'alice', accessKeyId: roleSessionKey, since: at });
  const steps: Step[] = [
    {
      time: at,
      identity: iamUser(account, 'alice', aliceKey),
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      request: { roleArn: roleArn(account, 'ops-admin'), roleSessionName: 'alice' },
      response: {
        credentials: { accessKeyId: roleSessionKey, sessionToken: fakeSessionToken(prng), expiration: cloudTrailResponseDate(at + HOUR_MS) },
        assumedRoleUser: { assumedRoleId: `${uniqueId('AROA', 'ops-admin')}:alice`, arn: `arn:aws:sts::${account}:assumed-role/ops-admin/alice` },
      },
      readOnly: true,
      resources: [{ accountId: account, type: 'AWS::IAM::Role', ARN: roleArn(account, 'ops-admin') }],
      command: 'sts.assume-role',
    },
    {
      time: at + 3 * MINUTE_MS + 7_000,
      identity: admin,
      eventSource: 'logs.amazonaws.com',
      eventName: 'PutRetentionPolicy',
      request: { logGroupName: '/aws/lambda/auth-service', retentionInDays: 1 },
      readOnly: false,
      command: 'logs.put-retention-policy',
      attacks: ['log-retention-shortened'],
    },
    {
      time: timeline.at.subscriptionFilterDeleted,
      identity: admin,
      eventSource: 'logs.amazonaws.com',
      eventName: 'DeleteSubscriptionFilter',
      request: { logGroupName: '/aws/lambda/orders-api', filterName: 'logwarden' },
      readOnly: false,
      command: 'logs.delete-subscription-filter',
      attacks: ['subscription-filter-deleted'],
    },
    {
      time: timeline.at.subscriptionFilterDeleted + 8 * MINUTE_MS,
      identity: admin,
      eventSource: 'lambda.amazonaws.com',
      eventName: 'UpdateFunctionCode20150331v2',
      request: { functionName: 'logwarden-prod-detect', publish: false, dryRun: false },
      response: updatedFunction(prng, timeline, 'logwarden-prod-detect', 'nodejs22.x', timeline.at.subscriptionFilterDeleted + 8 * MINUTE_MS),
      readOnly: false,
      command: 'lambda.update-function-code',
      attacks: ['detect-function-code-updated'],
    },
    {
      time: timeline.at.subscriptionFilterDeleted + 19 * MINUTE_MS,
      identity: admin,
      eventSource: 'kinesis.amazonaws.com',
      eventName: 'DeleteStream',
      request: { streamName: 'logwarden-normalized', enforceConsumerDeletion: true },
      readOnly: false,
      resources: [{ accountId: account, type: 'AWS::Kinesis::Stream', ARN: `arn:aws:kinesis:${timeline.region}:${account}:stream/logwarden-normalized` }],
      command: 'kinesis.delete-stream',
      attacks: ['normalized-stream-deleted'],
    },
  ];
  return steps.map((step) => fromOperator(step, timeline.region));
}
