import type { CfnObject } from './cloudformation';
import { ref } from './cloudformation';

export interface AlarmSpec {
  readonly description: string;
  readonly namespace: string;
  readonly metric: string;
  readonly dimensions: readonly { readonly Name: string; readonly Value: unknown }[];
  readonly statistic: 'Sum' | 'Maximum' | 'Minimum';
  readonly comparison: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  readonly threshold: number;
  readonly periodSeconds?: number;
  /** What a period without data means: silence is an alarm only for the silent-source check. */
  readonly missingData?: 'breaching' | 'notBreaching';
  readonly condition?: string;
}

/** The stack's SNS topic receives every alarm and its recovery. */
export const ALARM_TOPIC = 'AlarmTopic';

export function alarm(spec: AlarmSpec): CfnObject {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    ...(spec.condition === undefined ? {} : { Condition: spec.condition }),
    Properties: {
      AlarmDescription: spec.description,
      Namespace: spec.namespace,
      MetricName: spec.metric,
      Dimensions: spec.dimensions,
      Statistic: spec.statistic,
      ComparisonOperator: spec.comparison,
      Threshold: spec.threshold,
      Period: spec.periodSeconds ?? 300,
      EvaluationPeriods: 1,
      TreatMissingData: spec.missingData ?? 'notBreaching',
      AlarmActions: [ref(ALARM_TOPIC)],
      OKActions: [ref(ALARM_TOPIC)],
    },
  };
}
