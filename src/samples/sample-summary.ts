import type { SubscriptionPayload } from '../cloudwatch/subscription-payload';
import { ATTACK_KINDS, type AttackKind, INCIDENT_KINDS, type IncidentKind, type SampleLogEvent } from './sample-event';
import { isoMillis } from './sample-time';

export interface LogGroupSummary {
  readonly logGroup: string;
  readonly source: 'lambda' | 'cloudtrail';
  readonly logStreams: number;
  readonly payloads: number;
  readonly logEvents: number;
}

/** Where an injected attack (or an incident) is: which log group and streams, how many events, when. */
export interface SampleFinding<K extends string> {
  readonly kind: K;
  readonly description: string;
  readonly logGroup: string;
  readonly logStreams: readonly string[];
  readonly events: number;
  readonly first: string;
  readonly last: string;
}

export interface SampleSummary {
  readonly seed: number;
  readonly scale: number;
  readonly start: string;
  readonly end: string;
  readonly account: string;
  readonly region: string;
  readonly payloads: number;
  readonly logEvents: number;
  readonly sources: { readonly lambda: number; readonly cloudtrail: number };
  readonly logGroups: readonly LogGroupSummary[];
  /** In order of first appearance. */
  readonly attacks: readonly SampleFinding<AttackKind>[];
  readonly incidents: readonly SampleFinding<IncidentKind>[];
  readonly notes: readonly string[];
}

export interface SummaryInput {
  readonly seed: number;
  readonly scale: number;
  readonly start: number;
  readonly end: number;
  readonly account: string;
  readonly region: string;
  readonly cloudTrailLogGroup: string;
  readonly events: readonly SampleLogEvent[];
  readonly payloads: readonly SubscriptionPayload[];
  readonly notes: readonly string[];
}

export function summarizeSample(input: SummaryInput): SampleSummary {
  const groups = new Map<string, { streams: Set<string>; payloads: number; logEvents: number }>();
  for (const payload of input.payloads) {
    const group = groups.get(payload.logGroup) ?? { streams: new Set<string>(), payloads: 0, logEvents: 0 };
    group.streams.add(payload.logStream);
    group.payloads++;
    group.logEvents += payload.logEvents.length;
    groups.set(payload.logGroup, group);
  }
  const logGroups = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([logGroup, g]) => ({
      logGroup,
      source: logGroup === input.cloudTrailLogGroup ? ('cloudtrail' as const) : ('lambda' as const),
      logStreams: g.streams.size,
      payloads: g.payloads,
      logEvents: g.logEvents,
    }));
  const count = (source: LogGroupSummary['source']) => logGroups.filter((g) => g.source === source).reduce((n, g) => n + g.logEvents, 0);
  return {
    seed: input.seed,
    scale: input.scale,
    start: isoMillis(input.start),
    end: isoMillis(input.end),
    account: input.account,
    region: input.region,
    payloads: input.payloads.length,
    logEvents: logGroups.reduce((n, g) => n + g.logEvents, 0),
    sources: { lambda: count('lambda'), cloudtrail: count('cloudtrail') },
    logGroups,
    attacks: findings(input.events, (e) => e.attacks ?? [], ATTACK_KINDS),
    incidents: findings(input.events, (e) => (e.incident === undefined ? [] : [e.incident]), INCIDENT_KINDS),
    notes: input.notes,
  };
}

function findings<K extends string>(events: readonly SampleLogEvent[], kindsOf: (event: SampleLogEvent) => readonly K[], descriptions: Readonly<Record<K, string>>): SampleFinding<K>[] {
  const byKey = new Map<string, { kind: K; logGroup: string; streams: Set<string>; events: number; first: number; last: number }>();
  for (const event of events) {
    for (const kind of kindsOf(event)) {
      const key = `${kind}\u0000${event.logGroup}`;
      const found = byKey.get(key);
      if (found === undefined) {
        byKey.set(key, { kind, logGroup: event.logGroup, streams: new Set([event.logStream]), events: 1, first: event.timestamp, last: event.timestamp });
        continue;
      }
      found.streams.add(event.logStream);
      found.events++;
      found.first = Math.min(found.first, event.timestamp);
      found.last = Math.max(found.last, event.timestamp);
    }
  }
  return [...byKey.values()]
    .sort((a, b) => a.first - b.first || (a.kind < b.kind ? -1 : 1))
    .map((f) => ({
      kind: f.kind,
      description: descriptions[f.kind],
      logGroup: f.logGroup,
      logStreams: [...f.streams].sort(),
      events: f.events,
      first: isoMillis(f.first),
      last: isoMillis(f.last),
    }));
}
