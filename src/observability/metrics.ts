import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'Logwarden';

/** CloudWatch metrics as EMF log lines (Powertools), one instance per function. */
export function createMetrics(stage: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: stage, defaultDimensions: { stage } });
}

/** Adds a count only when non-zero, so idle paths do not publish noise. */
export function count(metrics: Metrics, name: string, value: number): void {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
}
