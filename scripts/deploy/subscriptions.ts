import { alarm } from './alarm';
import type { CfnObject } from './cloudformation';
import { getAtt, logicalIdFor, ref, sub } from './cloudformation';
import type { DeploySettings } from './deploy-settings';

const FORWARD = 'ForwardLambdaFunction';

/**
 * For each subscribed log group: the subscription filter to the forwarder (exactly one per log
 * group: CloudWatch Logs allows two, and another tool may hold the other), the invoke permission
 * for CloudWatch Logs scoped to that log group and this account (confused deputy), an alarm when
 * delivery to the forwarder fails, and a "silent source" alarm when the group stops sending.
 */
export function subscriptionResources(settings: DeploySettings): Record<string, CfnObject> {
  const resources: Record<string, CfnObject> = {};
  for (const group of settings.logGroups) {
    const permission = logicalIdFor('ForwardPermission', group);
    const filter = logicalIdFor('SubscriptionFilter', group);
    const filterName = `${settings.service}-${settings.stage}-forward`;
    resources[permission] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: getAtt(FORWARD, 'Arn'),
        Action: 'lambda:InvokeFunction',
        Principal: 'logs.amazonaws.com',
        SourceArn: sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${group}:*`),
        SourceAccount: ref('AWS::AccountId'),
      },
    };
    resources[filter] = {
      Type: 'AWS::Logs::SubscriptionFilter',
      DependsOn: [permission],
      Properties: {
        LogGroupName: group,
        FilterName: filterName,
        FilterPattern: settings.filterPattern,
        DestinationArn: getAtt(FORWARD, 'Arn'),
      },
    };
    resources[logicalIdFor('DeliveryErrorsAlarm', group)] = alarm({
      description: `${group}: CloudWatch Logs could not deliver to the forwarder`,
      namespace: 'AWS/Logs',
      metric: 'DeliveryErrors',
      dimensions: [
        { Name: 'LogGroupName', Value: group },
        { Name: 'DestinationType', Value: 'Lambda' },
        { Name: 'FilterName', Value: filterName },
      ],
      statistic: 'Sum',
      comparison: 'GreaterThanThreshold',
      threshold: 0,
    });
    resources[logicalIdFor('SilentSourceAlarm', group)] = alarm({
      description: `${group}: no log events for ${settings.silentSourceMinutes} minutes (source stopped, or its logging was tampered with)`,
      namespace: 'AWS/Logs',
      metric: 'IncomingLogEvents',
      dimensions: [{ Name: 'LogGroupName', Value: group }],
      statistic: 'Sum',
      comparison: 'LessThanThreshold',
      threshold: 1,
      periodSeconds: settings.silentSourceMinutes * 60,
      missingData: 'breaching',
    });
  }
  return resources;
}
