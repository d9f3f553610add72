/**
 * CloudTrail vocabulary: services with their API calls, weighted roughly as a busy account sees
 * them (reads dominate; the calls detections care about are rare), plus the principals that call.
 */

export interface ApiCall {
  readonly name: string;
  /** Relative frequency in background traffic. */
  readonly weight: number;
  /** Calls that attackers use to blind defenders or escalate: rare in normal traffic. */
  readonly sensitive?: boolean;
}

export interface ServiceProfile {
  readonly source: string;
  readonly weight: number;
  readonly calls: readonly ApiCall[];
}

const call = (name: string, weight: number, sensitive = false): ApiCall => (sensitive ? { name, weight, sensitive } : { name, weight });

export const SERVICES: readonly ServiceProfile[] = [
  {
    source: 's3.amazonaws.com',
    weight: 20,
    calls: [
      call('GetBucketAcl', 20), call('GetBucketPolicy', 10), call('ListBuckets', 15), call('GetBucketLocation', 20),
      call('GetBucketEncryption', 8), call('CreateBucket', 1), call('PutBucketTagging', 1),
      call('PutBucketPolicy', 0.3, true), call('DeleteBucketPolicy', 0.1, true), call('PutBucketAcl', 0.2, true),
      call('PutBucketPublicAccessBlock', 0.2, true), call('DeleteBucket', 0.1, true), call('PutBucketLogging', 0.1, true),
      call('DeleteBucketEncryption', 0.05, true),
    ],
  },
  {
    source: 'ec2.amazonaws.com',
    weight: 18,
    calls: [
      call('DescribeInstances', 30), call('DescribeSecurityGroups', 15), call('DescribeVolumes', 10), call('DescribeSubnets', 10),
      call('DescribeNetworkInterfaces', 12), call('CreateNetworkInterface', 4), call('DeleteNetworkInterface', 4), call('RunInstances', 1),
      call('AuthorizeSecurityGroupIngress', 0.3, true), call('CreateKeyPair', 0.1, true), call('ModifyInstanceAttribute', 0.1, true),
      call('DeleteFlowLogs', 0.05, true), call('ModifySnapshotAttribute', 0.05, true), call('GetPasswordData', 0.05, true),
      call('TerminateInstances', 0.3), call('DisableEbsEncryptionByDefault', 0.02, true),
    ],
  },
  {
    source: 'iam.amazonaws.com',
    weight: 8,
    calls: [
      call('GetUser', 10), call('ListRoles', 8), call('GetRole', 15), call('ListPolicies', 5), call('GetPolicyVersion', 8), call('ListAttachedRolePolicies', 8),
      call('CreateUser', 0.2, true), call('CreateAccessKey', 0.2, true), call('AttachUserPolicy', 0.1, true), call('PutUserPolicy', 0.1, true),
      call('CreateLoginProfile', 0.1, true), call('UpdateLoginProfile', 0.05, true), call('AddUserToGroup', 0.1, true),
      call('UpdateAssumeRolePolicy', 0.05, true), call('CreatePolicyVersion', 0.05, true), call('DeactivateMFADevice', 0.02, true),
    ],
  },
  {
    source: 'sts.amazonaws.com',
    weight: 22,
    calls: [call('AssumeRole', 50), call('GetCallerIdentity', 10), call('AssumeRoleWithWebIdentity', 8), call('GetSessionToken', 1), call('GetFederationToken', 0.05, true)],
  },
  {
    source: 'lambda.amazonaws.com',
    weight: 6,
    calls: [
      call('GetFunction20150331v2', 10), call('ListFunctions20150331', 6), call('GetFunctionConfiguration20150331v2', 6),
      call('UpdateFunctionCode20150331v2', 1), call('UpdateFunctionConfiguration20150331v2', 1), call('CreateFunction20150331', 0.2),
      call('AddPermission20150331v2', 0.1, true),
    ],
  },
  {
    source: 'logs.amazonaws.com',
    weight: 6,
    calls: [
      call('CreateLogStream', 20), call('DescribeLogGroups', 8), call('FilterLogEvents', 4), call('PutRetentionPolicy', 0.3),
      call('DeleteLogGroup', 0.1, true), call('DeleteSubscriptionFilter', 0.05, true), call('PutSubscriptionFilter', 0.1),
    ],
  },
  {
    source: 'cloudtrail.amazonaws.com',
    weight: 2,
    calls: [
      call('LookupEvents', 10), call('DescribeTrails', 5), call('GetTrailStatus', 5), call('StopLogging', 0.05, true), call('DeleteTrail', 0.03, true),
      call('UpdateTrail', 0.1, true), call('PutEventSelectors', 0.1, true),
    ],
  },
  {
    source: 'kms.amazonaws.com',
    weight: 12,
    calls: [call('Decrypt', 40), call('GenerateDataKey', 25), call('Encrypt', 10), call('DescribeKey', 8), call('ScheduleKeyDeletion', 0.03, true), call('DisableKey', 0.03, true), call('PutKeyPolicy', 0.05, true)],
  },
  {
    source: 'secretsmanager.amazonaws.com',
    weight: 4,
    calls: [call('GetSecretValue', 30), call('DescribeSecret', 5), call('ListSecrets', 1), call('DeleteSecret', 0.05, true), call('PutSecretValue', 0.3)],
  },
  {
    source: 'dynamodb.amazonaws.com',
    weight: 3,
    calls: [call('DescribeTable', 20), call('ListTables', 5), call('DescribeContinuousBackups', 2), call('DeleteTable', 0.03, true), call('UpdateContinuousBackups', 0.05, true)],
  },
  { source: 'signin.amazonaws.com', weight: 1, calls: [call('ConsoleLogin', 10), call('SwitchRole', 2)] },
  { source: 'guardduty.amazonaws.com', weight: 1, calls: [call('ListDetectors', 10), call('GetDetector', 5), call('DeleteDetector', 0.02, true), call('UpdateDetector', 0.1, true)] },
  { source: 'config.amazonaws.com', weight: 1, calls: [call('DescribeConfigRules', 10), call('PutEvaluations', 10), call('StopConfigurationRecorder', 0.03, true), call('DeleteDeliveryChannel', 0.02, true)] },
  { source: 'organizations.amazonaws.com', weight: 0.5, calls: [call('DescribeOrganization', 10), call('ListAccounts', 5), call('LeaveOrganization', 0.01, true)] },
  { source: 'kinesis.amazonaws.com', weight: 2, calls: [call('DescribeStream', 10), call('ListShards', 10), call('DeleteStream', 0.02, true)] },
];

export const ACCOUNTS = ['111122223333', '444455556666', '777788889999'] as const;
export const REGIONS = ['eu-west-1', 'eu-west-1', 'eu-west-1', 'us-east-1', 'eu-central-1', 'us-west-2'] as const;
export const IAM_USERS = ['alice', 'bob', 'carol', 'deploy-bot', 'terraform', 'backup-operator', 'jenkins'] as const;
export const ROLES = ['ops', 'ci-deploy', 'orders-api-role', 'ReadOnlyAccess', 'AdminAccess', 'OrganizationAccountAccessRole', 'security-audit', 'data-pipeline'] as const;
export const AWS_SERVICE_PRINCIPALS = ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'cloudformation.amazonaws.com', 'config.amazonaws.com', 'autoscaling.amazonaws.com'] as const;

export const CLOUDTRAIL_USER_AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79 exe/x86_64.amzn.2023 prompt/off command/s3.ls',
  'aws-sdk-js/3.540.0 ua/2.0 os/linux#5.10.209 lang/js md/nodejs#20.11.1 api/sts#3.540.0',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.2 cfg/retry-mode#legacy Botocore/1.34.69',
  'console.amazonaws.com',
  'Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0',
  'cloudformation.amazonaws.com',
  'AWS Internal',
] as const;

/** User agents seen in offensive tooling against AWS accounts. */
export const SUSPICIOUS_CLOUDTRAIL_USER_AGENTS = [
  'aws-cli/2.13.25 Python/3.11.5 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off',
  'Boto3/1.28.0 Python/3.11.4 Linux/6.3.0-parrot1-amd64 Botocore/1.31.0 Pacu',
  'S3 Browser 11.5.7 https://s3browser.com',
  'aws-cli/1.18.69 Python/3.8.10 Windows/10 botocore/1.17.12 cloudfox',
] as const;

export const ERROR_CODES = ['AccessDenied', 'Client.UnauthorizedOperation', 'NoSuchEntityException', 'ThrottlingException', 'ResourceNotFoundException'] as const;

/** Benign and hostile source address ranges (documentation ranges, RFC 5737). */
export const OFFICE_IP_PREFIXES = ['198.51.100.', '203.0.113.'] as const;
export const HOSTILE_IP_PREFIXES = ['192.0.2.', '185.220.101.', '45.155.205.'] as const;
