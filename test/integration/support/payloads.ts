import { subscriptionEvent, subscriptionPayload } from '../../factories/kinesis-events';

/** CloudTrail records as CloudWatch Logs carries them. */
export function trail(overrides: Record<string, unknown>, index: number): string {
  return JSON.stringify({
    eventVersion: '1.09',
    userIdentity: { type: 'AssumedRole', principalId: 'AROAEXAMPLE:ops', arn: 'arn:aws:sts::111122223333:assumed-role/ops/ops', accountId: '111122223333' },
    eventTime: `2025-11-28T18:${String(10 + index).padStart(2, '0')}:00Z`,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.23',
    userAgent: 'aws-cli/2.17.0',
    requestParameters: null,
    responseElements: null,
    requestID: `4a1b2c3d-0000-4000-8000-${String(index).padStart(12, '0')}`,
    eventID: `7f6e5d4c-0000-4000-8000-${String(index).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...overrides,
  });
}

const ROOT = { userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' } };

/** Application logs of two functions, attacks mixed into ordinary traffic, and CloudTrail with account threats. */
export function realisticPayloads(runTag: string): { events: ReturnType<typeof subscriptionEvent>[]; logEvents: number } {
  const request = (i: number, path: string, ip: string) =>
    JSON.stringify({ level: 'INFO', message: `GET ${path}`, timestamp: `2025-11-28T18:0${i % 10}:00.000Z`, service: 'orders', function_request_id: `req-${runTag}-${i}`, sourceIp: ip });
  const orders = [
    ...Array.from({ length: 8 }, (_, i) => request(i, `/orders/${1000 + i}`, '198.51.100.7')),
    request(8, "/orders?id=1 UNION SELECT username,password FROM users--", '203.0.113.50'),
    request(9, "/orders?id=2 union all select null,null--", '203.0.113.50'),
    request(10, "/orders?q=' OR '1'='1", '203.0.113.50'),
    request(11, '/fetch?url=http://169.254.169.254/latest/meta-data/iam/security-credentials/', '203.0.113.51'),
  ];
  const payments = [
    `2025-11-28T18:05:00.000Z\treq-p1\tINFO\tcharge accepted amount=42\n`,
    `2025-11-28T18:05:01.000Z\treq-p2\tWARN\tproxying http://169.254.169.254/latest/user-data for tenant\n`,
    `2025-11-28T18:05:02.000Z\treq-p3\tINFO\tcharge accepted amount=7\n`,
  ];
  const trailLines = [
    trail(ROOT, 1),
    trail({ ...ROOT, eventName: 'CreateAccessKey', eventSource: 'iam.amazonaws.com', readOnly: false }, 2),
    trail({ eventSource: 'logs.amazonaws.com', eventName: 'DeleteSubscriptionFilter', readOnly: false, requestParameters: { logGroupName: '/aws/lambda/orders-api', filterName: 'logwarden' } }, 3),
    ...Array.from({ length: 5 }, (_, i) => trail({}, 10 + i)),
  ];
  const payloads = [
    subscriptionPayload({ logGroup: '/aws/lambda/orders-api', logStream: `2025/11/28/[$LATEST]${runTag}a` }, orders),
    subscriptionPayload({ logGroup: '/aws/lambda/payments', logStream: `2025/11/28/[$LATEST]${runTag}b` }, payments),
    subscriptionPayload({ logGroup: 'aws-cloudtrail-logs-111122223333', logStream: `111122223333_CloudTrail_eu-west-1_${runTag}` }, trailLines),
  ];
  return { events: payloads.map(subscriptionEvent), logEvents: orders.length + payments.length + trailLines.length };
}
