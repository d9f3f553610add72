import type { AlertDocument } from '../alert-notice';

/** SNS messages, EventBridge entries and asynchronous Lambda payloads: 256 KB each. */
export const MAX_NOTIFICATION_BYTES = 256 * 1024;

const SUMMARY_KEYS = ['@timestamp', 'rule', 'threat', 'alert', 'cloud', 'logwarden', 'event', 'faas', 'user', 'source'] as const;

/**
 * The alert as hooks send it (already masked: it is the indexed document), shrunk to fit a
 * service's size limit: first without the raw line and message, then only the summary fields.
 * The result says whether anything was left out, so receivers can fetch the full alert.
 */
export function alertPayload(alert: AlertDocument, maxBytes: number, extra: Readonly<Record<string, unknown>> = {}): string {
  const whole = JSON.stringify({ ...extra, alert });
  if (Buffer.byteLength(whole) <= maxBytes) return whole;
  const event = typeof alert['event'] === 'object' && alert['event'] !== null ? { ...(alert['event'] as Record<string, unknown>) } : undefined;
  if (event !== undefined) delete event['original'];
  const slim: Record<string, unknown> = { ...alert, ...(event === undefined ? {} : { event }), message: truncate(alert['message'], 4_096) };
  const trimmed = JSON.stringify({ ...extra, alert: slim, truncated: true });
  if (Buffer.byteLength(trimmed) <= maxBytes) return trimmed;
  const summary = Object.fromEntries(SUMMARY_KEYS.filter((k) => k in slim).map((k) => [k, slim[k]]));
  const compact = JSON.stringify({ ...extra, alert: { ...summary, message: truncate(alert['message'], 1_024) }, truncated: true });
  if (Buffer.byteLength(compact) <= maxBytes) return compact;
  return JSON.stringify({ ...extra, alert: { rule: { id: alert.rule.id, title: alert.rule.title, level: alert.rule.level }, alert: { id: alert.alert.id } }, truncated: true });
}

function truncate(value: unknown, chars: number): unknown {
  return typeof value === 'string' && value.length > chars ? `${value.slice(0, chars)}…[truncated]` : value;
}
