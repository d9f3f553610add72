import { randomUUID } from 'node:crypto';
import type { ActionRecord } from '../../../src/respond/actions/action-record';
import type { ActionStore } from '../../../src/respond/actions/action-store';
import type { RateLimiter } from '../../../src/respond/actions/rate-limiter';
import type { OutcomeEntry, OutcomeRecorder } from '../../../src/respond/outcome-recorder';
import type { DeadLetter, DeadLetterSink } from '../../../src/dead-letters/dead-letter';

/** The DynamoDB store's conditions, in memory, for engine specs (the real store has its own integration spec). */
export function memoryActionStore(): ActionStore & { readonly records: Map<string, ActionRecord> } {
  const records = new Map<string, ActionRecord>();
  return {
    records,
    async get(id) {
      return records.get(id);
    },
    async claim(action, options) {
      const existing = records.get(action.actionId);
      const free = existing === undefined || (existing.state === 'executing' && (existing.leaseUntil ?? 0) < options.now.getTime()) || (options.retryFailed && existing.state === 'failed');
      if (!free) return { claimed: false, existing };
      const at = options.now.toISOString();
      const record: ActionRecord = { ...action, state: options.state, createdAt: at, updatedAt: at, attempts: 0, ...(options.state === 'executing' ? { leaseUntil: options.now.getTime() + options.leaseMs, claimToken: randomUUID() } : {}) };
      records.set(action.actionId, record);
      return { claimed: true, record };
    },
    async claimApproved(id, options) {
      const existing = records.get(id);
      const decided = existing?.decidedBy !== undefined;
      const free = existing !== undefined && (existing.state === 'approved' || (decided && existing.state === 'executing' && (existing.leaseUntil ?? 0) < options.now.getTime()) || (decided && options.retryFailed && existing.state === 'failed'));
      if (!free) return { claimed: false, existing };
      const record: ActionRecord = { ...existing, state: 'executing', leaseUntil: options.now.getTime() + options.leaseMs, claimToken: randomUUID(), updatedAt: options.now.toISOString() };
      records.set(id, record);
      return { claimed: true, record };
    },
    async settle(record, to, fields, now) {
      const current = records.get(record.actionId);
      if (current?.claimToken !== record.claimToken || current?.state !== 'executing') return false;
      const { leaseUntil: _lease, claimToken: _token, ...rest } = current;
      records.set(record.actionId, { ...rest, ...fields, state: to, updatedAt: now.toISOString() } as ActionRecord);
      return true;
    },
    async decide(id, decision, by, now) {
      const current = records.get(id);
      if (current?.state !== 'awaiting-approval') return undefined;
      const record: ActionRecord = { ...current, state: decision, decidedBy: by, decidedAt: now.toISOString(), updatedAt: now.toISOString() };
      records.set(id, record);
      return record;
    },
  };
}

export function memoryRateLimiter(): RateLimiter & { readonly counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    async take(key, max, windowMs, now) {
      const slot = `${key}#${Math.floor(now.getTime() / windowMs)}`;
      const used = counts.get(slot) ?? 0;
      if (used >= max) return false;
      counts.set(slot, used + 1);
      return true;
    },
  };
}

export function collectingRecorder(): OutcomeRecorder & { readonly entries: OutcomeEntry[] } {
  const entries: OutcomeEntry[] = [];
  return {
    entries,
    async record(batch) {
      entries.push(...batch);
    },
  };
}

export function collectingDeadLetters(): DeadLetterSink & { readonly letters: DeadLetter[] } {
  const letters: DeadLetter[] = [];
  return {
    letters,
    async send(batch) {
      letters.push(...batch);
    },
  };
}
