import { fakeAccessKeyId } from '../attacks/fake-secrets';
import type { SamplePrng } from '../prng';
import { MINUTE_MS, OFFICE_WEIGHTS, spreadOverDay } from '../sample-time';
import type { SampleTimeline } from '../timeline';
import { type CloudTrailCall, GLOBAL_REGION, type JsonObject, serviceHost } from './cloudtrail-record';
import { assumedRole, iamUser } from './identities';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const CLI_AGENT = 'aws-cli/2.22.12 md/awscrt#0.23.4 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off';

/** A read an engineer makes from the console or the CLI: service, event name, CLI command, parameters. */
interface Read {
  readonly source: string;
  readonly name: string;
  readonly command: string;
  readonly request: JsonObject | null;
  readonly global?: boolean;
}

const READS: readonly Read[] = [
  { source: 'ec2.amazonaws.com', name: 'DescribeInstances', command: 'ec2.describe-instances', request: { instancesSet: {}, filterSet: {} } },
  { source: 'ec2.amazonaws.com', name: 'DescribeSecurityGroups', command: 'ec2.describe-security-groups', request: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} } },
  { source: 'ec2.amazonaws.com', name: 'DescribeVpcs', command: 'ec2.describe-vpcs', request: { vpcSet: {}, filterSet: {} } },
  { source: 'lambda.amazonaws.com', name: 'ListFunctions20150331', command: 'lambda.list-functions', request: null },
  { source: 'lambda.amazonaws.com', name: 'GetFunction20150331v2', command: 'lambda.get-function', request: { functionName: 'orders-api' } },
  { source: 'lambda.amazonaws.com', name: 'GetAccountSettings20160819', command: 'lambda.get-account-settings', request: null },
  { source: 'logs.amazonaws.com', name: 'DescribeLogGroups', command: 'logs.describe-log-groups', request: { logGroupNamePrefix: '/aws/lambda/' } },
  { source: 'logs.amazonaws.com', name: 'DescribeLogStreams', command: 'logs.describe-log-streams', request: { logGroupName: '/aws/lambda/orders-api', orderBy: 'LastEventTime', descending: true } },
  { source: 'logs.amazonaws.com', name: 'DescribeSubscriptionFilters', command: 'logs.describe-subscription-filters', request: { logGroupName: '/aws/lambda/payments-worker' } },
  { source: 'monitoring.amazonaws.com', name: 'DescribeAlarms', command: 'cloudwatch.describe-alarms', request: { stateValue: 'ALARM' } },
  { source: 'kinesis.amazonaws.com', name: 'ListStreams', command: 'kinesis.list-streams', request: null },
  { source: 'kinesis.amazonaws.com', name: 'DescribeStreamSummary', command: 'kinesis.describe-stream-summary', request: { streamName: 'logwarden-raw' } },
  { source: 's3.amazonaws.com', name: 'ListBuckets', command: 's3api.list-buckets', request: { Host: 's3.eu-west-1.amazonaws.com' } },
  { source: 'iam.amazonaws.com', name: 'ListRoles', command: 'iam.list-roles', request: null, global: true },
  { source: 'iam.amazonaws.com', name: 'GetRole', command: 'iam.get-role', request: { roleName: 'orders-api-role' }, global: true },
  { source: 'cloudtrail.amazonaws.com', name: 'DescribeTrails', command: 'cloudtrail.describe-trails', request: null },
  { source: 'dynamodb.amazonaws.com', name: 'DescribeTable', command: 'dynamodb.describe-table', request: { tableName: 'shop-carts' } },
];

const ENGINEERS = [
  { userName: 'alice', ip: '192.0.2.10', sessions: 3 },
  { userName: 'bob', ip: '192.0.2.45', sessions: 2 },
] as const;

/**
 * Ordinary administration: engineers sign in to the console with MFA and browse, or use the CLI
 * with their access key, during office hours; AWS Config describes resources around the clock.
 */
export function adminActivity(prng: SamplePrng, timeline: SampleTimeline, scale: number): CloudTrailCall[] {
  const calls: CloudTrailCall[] = [];
  for (const engineer of ENGINEERS) {
    const cliKey = fakeAccessKeyId(prng);
    const sessions = Math.max(1, Math.round(engineer.sessions * scale));
    for (const at of spreadOverDay(prng, sessions, timeline.start, OFFICE_WEIGHTS)) {
      calls.push(...(engineer.userName === 'alice' ? consoleSession(prng, timeline, at, engineer) : cliSession(prng, timeline, at, engineer, cliKey)));
    }
  }
  calls.push(...configRecorder(prng, timeline, scale));
  return calls;
}

function consoleSession(prng: SamplePrng, timeline: SampleTimeline, at: number, who: { readonly userName: string; readonly ip: string }): CloudTrailCall[] {
  const calls: CloudTrailCall[] = [
    {
      time: at,
      identity: iamUser(timeline.account, who.userName),
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      region: GLOBAL_REGION,
      sourceIp: who.ip,
      userAgent: BROWSER,
      response: { ConsoleLogin: 'Success' },
      additionalEventData: {
        LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
        MobileVersion: 'No',
        MFAIdentifier: `arn:aws:iam::${timeline.account}:mfa/${who.userName}`,
        MFAUsed: 'Yes',
      },
      readOnly: false,
      eventType: 'AwsConsoleSignIn',
      noRequestId: true,
      tlsHost: 'signin.aws.amazon.com',
    },
  ];
  const sessionKey = fakeAccessKeyId(prng, 'ASIA');
  let t = at + prng.int(20, 90) * 1000;
  for (let i = prng.int(12, 24); i > 0; i--) {
    const read = prng.pick(READS);
    const region = read.global === true ? GLOBAL_REGION : timeline.region;
    calls.push({
      time: t,
      identity: iamUser(timeline.account, who.userName, sessionKey, { since: at, mfa: true }),
      eventSource: read.source,
      eventName: read.name,
      region,
      sourceIp: who.ip,
      userAgent: 'AWS Internal',
      request: read.request,
      readOnly: true,
      tlsHost: serviceHost(read.source, region),
      fromConsole: true,
    });
    t += prng.int(8, 150) * 1000;
  }
  return calls;
}

function cliSession(prng: SamplePrng, timeline: SampleTimeline, at: number, who: { readonly userName: string; readonly ip: string }, accessKeyId: string): CloudTrailCall[] {
  const calls: CloudTrailCall[] = [];
  let t = at;
  for (let i = prng.int(6, 14); i > 0; i--) {
    const read = i === 1 ? undefined : prng.pick(READS);
    const source = read?.source ?? 'sts.amazonaws.com';
    const region = read?.global === true ? GLOBAL_REGION : timeline.region;
    calls.push({
      time: t,
      identity: iamUser(timeline.account, who.userName, accessKeyId),
      eventSource: source,
      eventName: read?.name ?? 'GetCallerIdentity',
      region,
      sourceIp: who.ip,
      userAgent: `${CLI_AGENT} md/command#${read?.command ?? 'sts.get-caller-identity'}`,
      request: read?.request ?? null,
      readOnly: true,
      tlsHost: serviceHost(source, region),
    });
    t += prng.int(5, 240) * 1000;
  }
  return calls;
}

/** AWS Config's service-linked role describing resources every 20 minutes. */
function configRecorder(prng: SamplePrng, timeline: SampleTimeline, scale: number): CloudTrailCall[] {
  const calls: CloudTrailCall[] = [];
  const every = Math.max(20, Math.round(20 / scale)) * MINUTE_MS;
  const session = {
    account: timeline.account,
    roleName: 'AWSServiceRoleForConfig',
    rolePath: '/aws-service-role/config.amazonaws.com/',
    sessionName: 'AWSConfig-Describe',
    accessKeyId: fakeAccessKeyId(prng, 'ASIA'),
    since: timeline.start,
    invokedBy: 'config.amazonaws.com',
  };
  for (let at = timeline.start + prng.int(1, 600) * 1000; at < timeline.end; at += every) {
    for (const read of [READS[1], READS[3]] as const) {
      if (read === undefined) continue;
      calls.push({
        time: at + prng.int(0, 4000),
        identity: assumedRole(session),
        eventSource: read.source,
        eventName: read.name,
        sourceIp: 'config.amazonaws.com',
        userAgent: 'config.amazonaws.com',
        request: read.request,
        readOnly: true,
      });
    }
  }
  return calls;
}
