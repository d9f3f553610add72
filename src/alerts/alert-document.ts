import type { CompiledRule } from '../sigma';
import type { NormalizedEvent } from '../schemas/normalized-event';
import type { DedupKey } from './dedup';
import { redactValue } from './redact';
import { threatOf } from './threat';

/** A rule match on its way to becoming (part of) an alert. */
export interface AlertCandidate {
  readonly alertId: string;
  readonly matchId: string;
  readonly rule: CompiledRule;
  readonly event: NormalizedEvent;
  readonly selections: readonly string[];
  readonly dedup: DedupKey;
  readonly bucket: Date;
  readonly bucketSeconds: number;
}

export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * The alert document (../shared/DESIGN.md "Alert document"): the triggering event copied at the
 * root with its secrets masked (so analysts query alerts with the same ECS fields as events),
 * the rule, ATT&CK from its tags, and `alert.*`. Created once per alert id; later matches only
 * update `alert.count`, `first_seen` and `last_seen`.
 */
export function alertDocument(c: AlertCandidate): Record<string, unknown> {
  const copy = redactValue(c.event) as Record<string, unknown>;
  const rule = c.rule;
  const threat = threatOf(rule.tags);
  return {
    ...copy,
    '@timestamp': c.event['@timestamp'],
    event: { ...(copy['event'] as Record<string, unknown>), kind: 'alert' },
    rule: {
      id: rule.id ?? rule.key,
      title: rule.title,
      ...(rule.level === undefined ? {} : { level: rule.level }),
      ...(rule.status === undefined ? {} : { status: rule.status }),
      tags: [...rule.tags],
      ...(rule.description === undefined ? {} : { description: rule.description }),
      references: [...rule.references],
      falsepositives: [...rule.falsepositives],
      ...(rule.document.author === undefined ? {} : { author: rule.document.author }),
      file: rule.source.file,
    },
    ...(threat === undefined ? {} : { threat }),
    alert: {
      id: c.alertId,
      status: 'open' satisfies AlertStatus,
      count: 1,
      first_seen: c.event['@timestamp'],
      last_seen: c.event['@timestamp'],
      bucket_start: c.bucket.toISOString(),
      bucket_seconds: c.bucketSeconds,
      dedup_key: c.dedup.key,
      dedup_fields: c.dedup.fields,
      selections: [...c.selections],
      first_event_id: c.event.event.id,
      history: [],
    },
  };
}

/** One per (alert, event): the exact, replay-proof way to count an alert's events. */
export function matchDocument(c: AlertCandidate): Record<string, unknown> {
  return { '@timestamp': c.event['@timestamp'], alert: { id: c.alertId }, event: { id: c.event.event.id }, rule: { id: c.rule.id ?? c.rule.key } };
}
