import { logicalIdFor } from '../../scripts/deploy/cloudformation';
import { DeploySettingsError, parseDeploySettings } from '../../scripts/deploy/deploy-settings';
import { subscriptionResources } from '../../scripts/deploy/subscriptions';

const base = { service: 'logwarden', stage: 'prod', logGroups: '', filterPattern: '', silentSourceMinutes: 60, iteratorAgeAlarmSeconds: 300, trustedAccounts: '' };

describe('deploy settings: subscribed log groups', () => {
  it('reads a comma-separated list of log groups, trimming spaces and empty items', () => {
    expect(parseDeploySettings({ ...base, logGroups: ' /aws/lambda/a , aws-cloudtrail-logs-x,,' }).logGroups).toEqual(['/aws/lambda/a', 'aws-cloudtrail-logs-x']);
  });

  it('subscribes nothing when no log group is given', () => {
    expect(subscriptionResources(parseDeploySettings(base))).toEqual({});
  });

  it('rejects a log group listed twice (one filter per group is all Logwarden creates)', () => {
    expect(() => parseDeploySettings({ ...base, logGroups: '/aws/lambda/a,/aws/lambda/a' })).toThrow(new DeploySettingsError('logGroups lists /aws/lambda/a twice: one subscription filter per log group is all Logwarden creates'));
  });

  it("rejects the pipeline's own function logs, which would feed back into the pipeline", () => {
    expect(() => parseDeploySettings({ ...base, logGroups: '/aws/lambda/logwarden-prod-detect' })).toThrow(/must not include the pipeline's own function logs/);
    expect(parseDeploySettings({ ...base, logGroups: '/aws/lambda/logwarden-dev-detect' }).logGroups).toEqual(['/aws/lambda/logwarden-dev-detect']);
  });

  it.each([
    [{ logGroups: '/aws/lambda/a b' }, /logGroups\.0: a CloudWatch Logs log group name/],
    [{ stage: 'Prod_1' }, /stage: 1-16 of a-z/],
    [{ silentSourceMinutes: 2 }, /silentSourceMinutes/],
    [{ silentSourceMinutes: 1441 }, /silentSourceMinutes/],
    [{ trustedAccounts: '1234' }, /trustedAccounts\.0: a 12-digit AWS account id/],
  ])('rejects %j naming the setting', (override, message) => {
    expect(() => parseDeploySettings({ ...base, ...override })).toThrow(message);
  });

  it('gives log groups that differ only in punctuation different logical ids', () => {
    expect(logicalIdFor('SubscriptionFilter', '/aws/lambda/a-b')).not.toBe(logicalIdFor('SubscriptionFilter', '/aws/lambda/ab'));
    expect(logicalIdFor('SubscriptionFilter', '/aws/lambda/a-b')).toMatch(/^SubscriptionFilterawslambdaab[0-9a-f]{8}$/);
  });

  it('builds one filter, one scoped permission and two alarms per log group', () => {
    const resources = subscriptionResources(parseDeploySettings({ ...base, logGroups: '/aws/lambda/a,/aws/lambda/b', silentSourceMinutes: 30 }));
    const types = Object.values(resources).map((r) => r['Type']);
    expect(types.filter((t) => t === 'AWS::Logs::SubscriptionFilter')).toHaveLength(2);
    expect(types.filter((t) => t === 'AWS::Lambda::Permission')).toHaveLength(2);
    expect(types.filter((t) => t === 'AWS::CloudWatch::Alarm')).toHaveLength(4);
    const silent = Object.entries(resources).find(([id]) => id.startsWith('SilentSourceAlarmawslambdaa'))?.[1] as { Properties: Record<string, unknown> };
    expect(silent.Properties).toMatchObject({ Period: 1800, EvaluationPeriods: 1, TreatMissingData: 'breaching' });
  });
});
