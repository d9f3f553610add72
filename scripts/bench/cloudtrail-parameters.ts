import { accessKeyId } from './event-context';
import type { JsonObject } from './normalized-event';
import type { Prng } from './prng';
import { IAM_USERS, ROLES } from './cloudtrail-vocabulary';

export interface CallSite {
  readonly source: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly failed: boolean;
  /** Attack traffic: console logins mostly fail, policies open things up. */
  readonly hostile: boolean;
  readonly functions: readonly string[];
}

export interface CallDetails {
  readonly requestParameters: JsonObject | null;
  readonly responseElements: JsonObject | null;
  readonly additionalEventData?: JsonObject;
}

const BUCKETS = ['orders-exports', 'app-assets-prod', 'cloudtrail-archive', 'data-lake-raw', 'terraform-state'] as const;
const TABLES = ['orders', 'users', 'sessions', 'products'] as const;

function bucketCall(prng: Prng, site: CallSite): JsonObject {
  const bucketName = `${prng.pick(BUCKETS)}-${site.account}`;
  const params: JsonObject = { bucketName, Host: `${bucketName}.s3.${site.region}.amazonaws.com` };
  if (site.name === 'PutBucketPolicy') {
    const principal = site.hostile ? '*' : { AWS: `arn:aws:iam::${site.account}:role/${prng.pick(ROLES)}` };
    params['bucketPolicy'] = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucketName}/*` }] };
  }
  if (site.name === 'PutBucketPublicAccessBlock') {
    const flag = !site.hostile;
    params['PublicAccessBlockConfiguration'] = { BlockPublicAcls: flag, IgnorePublicAcls: flag, BlockPublicPolicy: flag, RestrictPublicBuckets: flag };
  }
  return params;
}

function ec2Call(prng: Prng, site: CallSite): JsonObject {
  if (site.name.startsWith('Describe')) return { maxResults: 1000, filterSet: {} };
  if (site.name === 'AuthorizeSecurityGroupIngress') {
    const cidrIp = site.hostile ? '0.0.0.0/0' : `10.${prng.int(0, 255)}.0.0/16`;
    return { groupId: `sg-${prng.hex(17)}`, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp }] } }] } };
  }
  if (site.name === 'RunInstances') return { instanceType: prng.pick(['t3.micro', 'm6i.large', 'p4d.24xlarge']), imageId: `ami-${prng.hex(17)}`, minCount: 1, maxCount: 1 };
  return { instanceId: `i-${prng.hex(17)}` };
}

function stsCall(prng: Prng, site: CallSite): CallDetails {
  if (site.name !== 'AssumeRole' && site.name !== 'AssumeRoleWithWebIdentity') return { requestParameters: site.name === 'GetSessionToken' ? { durationSeconds: 3600 } : null, responseElements: null };
  const role = prng.pick(ROLES);
  const session = `session-${prng.hex(8)}`;
  return {
    requestParameters: { roleArn: `arn:aws:iam::${site.account}:role/${role}`, roleSessionName: session, durationSeconds: 3600 },
    responseElements: site.failed
      ? null
      : {
          credentials: { accessKeyId: accessKeyId(prng, 'ASIA'), sessionToken: `IQoJb3JpZ2luX2Vj${prng.chars(96, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}`, expiration: 'Nov 28, 2025, 7:00:00 PM' },
          assumedRoleUser: { assumedRoleId: `AROA${prng.hex(16).toUpperCase()}:${session}`, arn: `arn:aws:sts::${site.account}:assumed-role/${role}/${session}` },
        },
  };
}

/** requestParameters / responseElements shaped like the real ones for each service (enough for rules to look into). */
export function cloudTrailRequest(prng: Prng, site: CallSite): CallDetails {
  const service = site.source.split('.')[0];
  const none: CallDetails = { requestParameters: null, responseElements: null };
  switch (service) {
    case 's3':
      return { requestParameters: bucketCall(prng, site), responseElements: null };
    case 'ec2':
      return { requestParameters: ec2Call(prng, site), responseElements: null };
    case 'iam':
      return site.name.includes('Role') || site.name === 'ListRoles'
        ? { requestParameters: { roleName: prng.pick(ROLES) }, responseElements: null }
        : { requestParameters: { userName: prng.pick(IAM_USERS) }, responseElements: site.name === 'CreateAccessKey' && !site.failed ? { accessKey: { accessKeyId: accessKeyId(prng, 'AKIA'), status: 'Active' } } : null };
    case 'sts':
      return stsCall(prng, site);
    case 'lambda':
      return { requestParameters: { functionName: `arn:aws:lambda:${site.region}:${site.account}:function:${prng.pick(site.functions)}` }, responseElements: null };
    case 'logs':
      return { requestParameters: { logGroupName: `/aws/lambda/${prng.pick(site.functions)}`, ...(site.name.includes('Subscription') ? { filterName: 'siem-forward' } : {}) }, responseElements: null };
    case 'cloudtrail':
      return { requestParameters: { name: `arn:aws:cloudtrail:${site.region}:${site.account}:trail/management-events` }, responseElements: null };
    case 'kms':
      return { requestParameters: { keyId: `arn:aws:kms:${site.region}:${site.account}:key/${prng.uuid()}`, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }, responseElements: null };
    case 'secretsmanager':
      return { requestParameters: { secretId: `prod/${prng.pick(site.functions)}/database` }, responseElements: null };
    case 'dynamodb':
      return { requestParameters: { tableName: prng.pick(TABLES) }, responseElements: null };
    case 'signin': {
      const failure = site.hostile ? prng.chance(0.8) : prng.chance(0.05);
      return {
        requestParameters: null,
        responseElements: site.name === 'ConsoleLogin' ? { ConsoleLogin: failure ? 'Failure' : 'Success' } : null,
        additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: site.hostile ? 'No' : prng.pick(['Yes', 'No']) },
      };
    }
    case 'kinesis':
      return { requestParameters: { streamName: prng.pick(['logwarden-raw', 'logwarden-normalized']) }, responseElements: null };
    default:
      return none;
  }
}
