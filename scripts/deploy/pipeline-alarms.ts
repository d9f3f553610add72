import { alarm } from './alarm';
import type { CfnObject } from './cloudformation';
import { getAtt, ref } from './cloudformation';
import type { DeploySettings } from './deploy-settings';

/** The pipeline's functions by their Serverless logical-id prefix (`index-events` → `IndexDashevents`). */
export const PIPELINE_FUNCTIONS = [
  { name: 'forward', logicalPrefix: 'Forward', readsStream: false },
  { name: 'normalize', logicalPrefix: 'Normalize', readsStream: true },
  { name: 'detect', logicalPrefix: 'Detect', readsStream: true },
  { name: 'index-events', logicalPrefix: 'IndexDashevents', readsStream: true },
  { name: 'respond', logicalPrefix: 'Respond', readsStream: true },
] as const;

const STREAMS = ['RawStream', 'NormalizedStream', 'AlertsStream'] as const;

/**
 * Alarms on everything that loses or delays data: function errors and throttles, failed
 * deliveries to the on-failure destination, consumers falling behind (iterator age), events the
 * forwarder's async queue dropped, letters waiting in the dead-letter queue, throttled stream
 * writes, and an unhealthy OpenSearch domain (when the stack creates it).
 */
export function pipelineAlarms(settings: DeploySettings): Record<string, CfnObject> {
  const resources: Record<string, CfnObject> = {};
  for (const fn of PIPELINE_FUNCTIONS) {
    const dimensions = [{ Name: 'FunctionName', Value: ref(`${fn.logicalPrefix}LambdaFunction`) }];
    const lambdaAlarm = (metric: string, description: string, statistic: 'Sum' | 'Maximum' = 'Sum', threshold = 0): CfnObject =>
      alarm({ description: `${fn.name}: ${description}`, namespace: 'AWS/Lambda', metric, dimensions, statistic, comparison: 'GreaterThanThreshold', threshold });
    resources[`${fn.logicalPrefix}ErrorsAlarm`] = lambdaAlarm('Errors', 'invocations failed');
    resources[`${fn.logicalPrefix}ThrottlesAlarm`] = lambdaAlarm('Throttles', 'invocations throttled (reserved concurrency reached)');
    resources[`${fn.logicalPrefix}DestinationFailuresAlarm`] = lambdaAlarm('DestinationDeliveryFailures', 'failed records could not be sent to the dead-letter queue');
    if (fn.readsStream) {
      resources[`${fn.logicalPrefix}IteratorAgeAlarm`] = lambdaAlarm('IteratorAge', `the oldest unprocessed record is older than ${settings.iteratorAgeAlarmSeconds} s`, 'Maximum', settings.iteratorAgeAlarmSeconds * 1000);
    } else {
      resources[`${fn.logicalPrefix}AsyncEventsDroppedAlarm`] = lambdaAlarm('AsyncEventsDropped', 'subscription deliveries were dropped from the asynchronous queue');
    }
  }
  resources['DeadLetterQueueDepthAlarm'] = alarm({
    description: 'dead letters are waiting in the queue (inspect, fix and redrive them)',
    namespace: 'AWS/SQS',
    metric: 'ApproximateNumberOfMessagesVisible',
    dimensions: [{ Name: 'QueueName', Value: getAtt('DeadLetterQueue', 'QueueName') }],
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    threshold: 0,
  });
  for (const stream of STREAMS) {
    resources[`${stream}WriteThrottlesAlarm`] = alarm({
      description: `${stream}: writes throttled (add shards or use ON_DEMAND)`,
      namespace: 'AWS/Kinesis',
      metric: 'WriteProvisionedThroughputExceeded',
      dimensions: [{ Name: 'StreamName', Value: ref(stream) }],
      statistic: 'Sum',
      comparison: 'GreaterThanThreshold',
      threshold: 0,
    });
  }
  return { ...resources, ...openSearchAlarms() };
}

function openSearchAlarms(): Record<string, CfnObject> {
  const dimensions = [
    { Name: 'DomainName', Value: ref('OpenSearchDomain') },
    { Name: 'ClientId', Value: ref('AWS::AccountId') },
  ];
  const domainAlarm = (metric: string, description: string, statistic: 'Maximum' | 'Minimum' | 'Sum', comparison: 'GreaterThanOrEqualToThreshold' | 'LessThanOrEqualToThreshold', threshold: number): CfnObject =>
    alarm({ description: `OpenSearch: ${description}`, namespace: 'AWS/ES', metric, dimensions, statistic, comparison, threshold, condition: 'CreateDomain' });
  return {
    OpenSearchClusterRedAlarm: domainAlarm('ClusterStatus.red', 'a primary shard is unassigned', 'Maximum', 'GreaterThanOrEqualToThreshold', 1),
    OpenSearchWritesBlockedAlarm: domainAlarm('ClusterIndexWritesBlocked', 'the cluster is blocking writes', 'Maximum', 'GreaterThanOrEqualToThreshold', 1),
    OpenSearchWriteRejectionsAlarm: domainAlarm('ThreadpoolWriteRejected', 'bulk writes are being rejected', 'Sum', 'GreaterThanOrEqualToThreshold', 1),
    OpenSearchLowStorageAlarm: domainAlarm('FreeStorageSpace', 'less than 2 GiB of storage left on a node', 'Minimum', 'LessThanOrEqualToThreshold', 2048),
  };
}
