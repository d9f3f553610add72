import type { AlertNotice } from '../../../src/respond/alert-notice';

export const ACCOUNT = '111122223333';
export const LEAKED_KEY = 'AKIAQWERTYUIOPASDFGH';

/** An alert document as detect indexes it (masked), for a CloudTrail CreateAccessKey by another user. */
export function cloudTrailAlert(overrides: { alertId?: string; level?: string; ruleId?: string; tags?: string[] } = {}): Record<string, unknown> {
  return {
    '@timestamp': '2026-12-02T10:00:00.000Z',
    message: 'CreateAccessKey by arn:aws:sts::111122223333:assumed-role/ci-deployer/session-1',
    event: { id: 'ev-1', kind: 'alert', module: 'aws', dataset: 'aws.cloudtrail' },
    cloud: { provider: 'aws', account: { id: ACCOUNT }, region: 'eu-west-1' },
    logwarden: { source: 'cloudtrail', parser: 'cloudtrail' },
    aws: {
      cloudtrail: {
        eventName: 'CreateAccessKey',
        userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/ci-deployer/session-1', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/ci-deployer' } } },
        requestParameters: { userName: 'alice' },
        responseElements: { accessKey: { accessKeyId: 'AKIA****DFGH', userName: 'alice' } },
      },
    },
    rule: { id: overrides.ruleId ?? '84050626-65cf-46d7-b376-f175659b5abe', title: 'AWS IAM Access Key Created For Another User', level: overrides.level ?? 'high', tags: overrides.tags ?? ['attack.persistence', 'attack.t1098.001'] },
    alert: { id: overrides.alertId ?? 'alert-0001', status: 'open', count: 1 },
  };
}

/** The triggering event, unmasked, as the notice carries it for parameters. */
export function cloudTrailEvent(): Record<string, unknown> {
  const alert = cloudTrailAlert();
  const { rule: _rule, alert: _alert, ...event } = alert;
  const cloudtrail = (event['aws'] as { cloudtrail: Record<string, unknown> }).cloudtrail;
  return { ...event, aws: { cloudtrail: { ...cloudtrail, responseElements: { accessKey: { accessKeyId: LEAKED_KEY, userName: 'alice' } } } } };
}

export function alertNotice(overrides: Parameters<typeof cloudTrailAlert>[0] = {}): Extract<AlertNotice, { kind: 'alert' }> {
  return { kind: 'alert', version: 1, alert: cloudTrailAlert(overrides), event: cloudTrailEvent() };
}
