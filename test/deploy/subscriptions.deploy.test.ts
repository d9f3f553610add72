import { packagedStack } from './support/packaged-stack';
import type { CfnTemplate } from './support/packaged-stack';
import { TEST_LOG_GROUPS } from './support/package-inputs';
import { resource, resourcesOfType } from './support/template-queries';

jest.setTimeout(300_000);

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packagedStack());
});

// CloudWatch Logs allows two subscription filters per log group (quota page; cfn-lint E2529).
const FILTERS_PER_LOG_GROUP = 2;

describe('deploy template: subscriptions', () => {
  it('subscribes every configured log group to the forwarder', () => {
    const filters = resourcesOfType(template, 'AWS::Logs::SubscriptionFilter').map(([, f]) => f.Properties ?? {});
    expect(filters.map((f) => f['LogGroupName']).sort()).toEqual([...TEST_LOG_GROUPS].sort());
    for (const f of filters) {
      expect(f['DestinationArn']).toEqual({ 'Fn::GetAtt': ['ForwardLambdaFunction', 'Arn'] });
      expect(f['FilterName']).toBe('logwarden-ci-forward');
    }
  });

  it(`creates one filter per log group, within CloudWatch's limit of ${FILTERS_PER_LOG_GROUP}`, () => {
    const perGroup = new Map<unknown, number>();
    for (const [, f] of resourcesOfType(template, 'AWS::Logs::SubscriptionFilter')) perGroup.set(f.Properties?.['LogGroupName'], (perGroup.get(f.Properties?.['LogGroupName']) ?? 0) + 1);
    expect([...perGroup.values()].every((n) => n === 1)).toBe(true);
    expect(Math.max(...perGroup.values())).toBeLessThanOrEqual(FILTERS_PER_LOG_GROUP);
  });

  it('lets CloudWatch Logs invoke the forwarder only from each subscribed log group of this account', () => {
    const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').map(([, p]) => p.Properties ?? {});
    expect(permissions).toHaveLength(TEST_LOG_GROUPS.length);
    for (const group of TEST_LOG_GROUPS) {
      expect(permissions).toContainEqual({
        FunctionName: { 'Fn::GetAtt': ['ForwardLambdaFunction', 'Arn'] },
        Action: 'lambda:InvokeFunction',
        Principal: 'logs.amazonaws.com',
        SourceArn: { 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${group}:*` },
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
    }
  });

  it('creates each filter after the permission it needs', () => {
    for (const [, f] of resourcesOfType(template, 'AWS::Logs::SubscriptionFilter')) {
      const dependsOn = [f.DependsOn ?? []].flat();
      expect(dependsOn).toHaveLength(1);
      expect(resource(template, dependsOn[0] ?? '').Type).toBe('AWS::Lambda::Permission');
    }
  });
});
