import type { SampleDay } from './generate-sample-day';

/** One line for a person watching a replay: how much, from where, over when, and what is hidden in it. */
export function describeSample(sample: SampleDay): string {
  const { summary } = sample;
  const groups = summary.logGroups.length;
  const kinds = new Set(summary.attacks.map((a) => a.kind)).size;
  const format = (n: number) => n.toLocaleString('en-US');
  return (
    `${format(summary.logEvents)} log events in ${format(summary.payloads)} subscription payloads from ${groups} log groups ` +
    `(${format(summary.sources.lambda)} Lambda, ${format(summary.sources.cloudtrail)} CloudTrail), ` +
    `${summary.start.slice(0, 16)}Z to ${summary.end.slice(0, 16)}Z, seed ${summary.seed}, with ${kinds} kinds of attack injected`
  );
}
