import { packagedStack } from './support/packaged-stack';
import type { CfnTemplate } from './support/packaged-stack';
import { TEST_LOG_GROUPS } from './support/package-inputs';
import { FUNCTIONS, STREAM_CONSUMERS, resourcesOfType } from './support/template-queries';

jest.setTimeout(300_000);

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packagedStack());
});

type AlarmProps = { MetricName: string; Namespace: string; Dimensions: { Name: string; Value: unknown }[]; TreatMissingData: string; ComparisonOperator: string; AlarmActions: unknown[] };

function alarms(): AlarmProps[] {
  return resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties as AlarmProps);
}

function alarmsOn(metric: string, dimension: { Name: string; Value: unknown }): AlarmProps[] {
  return alarms().filter((a) => a.MetricName === metric && a.Dimensions.some((d) => d.Name === dimension.Name && JSON.stringify(d.Value) === JSON.stringify(dimension.Value)));
}

describe('deploy template: alarms', () => {
  it.each(STREAM_CONSUMERS)('alarms when $name falls behind its stream (iterator age)', (c) => {
    expect(alarmsOn('IteratorAge', { Name: 'FunctionName', Value: { Ref: `${c.id}LambdaFunction` } })).toHaveLength(1);
  });

  it.each(FUNCTIONS)('alarms on errors and throttles of $name', (f) => {
    for (const metric of ['Errors', 'Throttles']) expect(alarmsOn(metric, { Name: 'FunctionName', Value: { Ref: `${f.id}LambdaFunction` } })).toHaveLength(1);
  });

  it('alarms when the forwarder drops asynchronous events or a failure cannot reach the dead-letter queue', () => {
    expect(alarmsOn('AsyncEventsDropped', { Name: 'FunctionName', Value: { Ref: 'ForwardLambdaFunction' } })).toHaveLength(1);
    for (const f of FUNCTIONS) expect(alarmsOn('DestinationDeliveryFailures', { Name: 'FunctionName', Value: { Ref: `${f.id}LambdaFunction` } })).toHaveLength(1);
  });

  it('alarms as soon as a letter waits in the dead-letter queue', () => {
    const depth = alarmsOn('ApproximateNumberOfMessagesVisible', { Name: 'QueueName', Value: { 'Fn::GetAtt': ['DeadLetterQueue', 'QueueName'] } });
    expect(depth).toHaveLength(1);
    expect(depth[0]).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', Threshold: 0 });
  });

  it.each(TEST_LOG_GROUPS)('raises a silent-source alarm when %s stops sending (no data counts as silence)', (group) => {
    const silent = alarmsOn('IncomingLogEvents', { Name: 'LogGroupName', Value: group });
    expect(silent).toHaveLength(1);
    expect(silent[0]).toMatchObject({ Namespace: 'AWS/Logs', ComparisonOperator: 'LessThanThreshold', Threshold: 1, TreatMissingData: 'breaching' });
  });

  it.each(TEST_LOG_GROUPS)('alarms when CloudWatch Logs cannot deliver %s to the forwarder', (group) => {
    expect(alarmsOn('DeliveryErrors', { Name: 'LogGroupName', Value: group })).toHaveLength(1);
  });

  it('sends every alarm and its recovery to the encrypted alarm topic', () => {
    expect(alarms().length).toBeGreaterThan(0);
    for (const a of alarms()) {
      expect(a.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
      expect((a as unknown as { OKActions: unknown }).OKActions).toEqual([{ Ref: 'AlarmTopic' }]);
    }
  });
});
