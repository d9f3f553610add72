/** What the sample injects on purpose, so a newcomer can find it (and tests can check it). */
export const ATTACK_KINDS = {
  'sql-injection': 'SQL injection payloads in request lines',
  'command-injection': 'shell command injection in request parameters',
  'path-traversal': 'path traversal to system files and /proc/self/environ',
  'ssrf-imds-ipv4': 'server-side request forgery to the instance metadata service (169.254.169.254)',
  'ssrf-imds-ipv6': 'server-side request forgery to the IPv6 metadata endpoint (fd00:ec2::254)',
  'template-injection': 'server-side template injection probes ({{7*7}})',
  log4shell: 'Log4Shell JNDI lookup in request headers',
  'scanner-sqlmap': 'sqlmap requests (user agent)',
  'scanner-nikto': 'Nikto scan (user agent)',
  'scanner-nuclei': 'Nuclei scan (user agent)',
  'leaked-access-key': 'an IAM access key id and secret printed by a function',
  'leaked-bearer-token': 'a bearer JWT printed in a debug line',
  'leaked-private-key': 'a PEM private key printed in an error',
  'failed-login-burst': 'dozens of failed logins from one address within minutes',
  'leaked-key-used': 'the leaked access key used from an unknown address',
  'root-login-failed': 'failed root console sign-ins',
  'root-login-without-mfa': 'root console sign-in without MFA',
  'access-key-for-other-user': 'an access key created for another IAM user',
  'guardduty-detector-deleted': 'GuardDuty detector deleted',
  'security-hub-disabled': 'Security Hub disabled',
  'kms-key-deletion-scheduled': 'a KMS key scheduled for deletion',
  'snapshot-shared-publicly': 'an EBS snapshot shared with everyone',
  'bucket-policy-public': 'a bucket policy granting "Principal": "*"',
  'subscription-filter-deleted': "the logwarden subscription filter deleted from a function's log group",
  'log-retention-shortened': "a function log group's retention cut to one day",
  'detect-function-code-updated': 'new code uploaded to logwarden-prod-detect',
  'normalized-stream-deleted': 'the logwarden-normalized Kinesis stream deleted',
} as const;

export type AttackKind = keyof typeof ATTACK_KINDS;

/** Function health events the sample contains (what Lambda platform rules look for). */
export const INCIDENT_KINDS = {
  'handled-error': 'errors the function logged and handled',
  'unhandled-error': 'unhandled exceptions (Node.js Invoke Error, Python traceback)',
  timeout: 'invocations that hit the function timeout',
  'out-of-memory': 'an invocation killed for using all its memory',
  'init-failure': 'a deployment whose module fails to load (INIT_REPORT Status: error)',
  'crash-loop': 'a function whose runtime exits on every invocation for a while',
} as const;

export type IncidentKind = keyof typeof INCIDENT_KINDS;

/** One log event before CloudWatch gives it an id and batches it into a subscription payload. */
export interface SampleLogEvent {
  readonly logGroup: string;
  readonly logStream: string;
  readonly timestamp: number;
  readonly message: string;
  readonly attacks?: readonly AttackKind[];
  readonly incident?: IncidentKind;
}
