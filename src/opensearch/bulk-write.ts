import type { Client } from '@opensearch-project/opensearch';
import { backoffDelayMs, sleepMs } from '../kinesis/backoff';
import type { BulkFailure, BulkOperation } from './bulk-operation';
import { encodeOperation, packBodies } from './bulk-operation';
import { bulkResponseSchema, classifyItem } from './bulk-response';
import { describeRequestFailure } from './request-failure';

export interface BulkWriteOptions {
  /** Bulk body budget (B5, AWS bp.md: start at 3-5 MiB); default 5 MiB. A 413 halves it. */
  readonly maxBodyBytes?: number;
  /** Sends per operation, first included; default 8. */
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Time (per `now`, epoch ms) after which nothing is sent or waited for, e.g. a Lambda's end minus a reserve. */
  readonly deadline?: number;
  /** Per request; shortened to the time left before the deadline. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** `wait_for` only for tests and low-volume alert writes, never for event ingestion (B5). */
  readonly refresh?: 'true' | 'false' | 'wait_for';
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Called before each resend round, e.g. to count throttling in a metric. */
  readonly onRetry?: (retry: BulkRetryInfo) => void;
}

export interface BulkRetryInfo {
  readonly attempt: number;
  readonly pendingCount: number;
  readonly delayMs: number;
  readonly types: readonly string[];
}

/** Per input operation, in input order. */
export type BulkOutcome = 'written' | 'already-present' | 'permanent-failure' | 'retries-exhausted';

export interface BulkReport {
  readonly written: number;
  /** `create` answered 409: delivered by an earlier attempt (B5, checklist 22). */
  readonly alreadyPresent: number;
  /** Will not succeed by resending (bad document, mapping conflict, auth): for a dead-letter store. */
  readonly permanentFailures: readonly BulkFailure[];
  /** Still failing for retryable reasons when attempts or the deadline ran out: retry later, not dead-letter. */
  readonly retriesExhausted: readonly BulkFailure[];
  readonly outcomes: readonly BulkOutcome[];
  readonly requests: number;
  /** Operations resent (an operation resent twice counts twice). */
  readonly retries: number;
}

interface Pending {
  readonly index: number;
  readonly ndjson: string;
  readonly bytes: number;
  attempts: number;
  last?: Omit<BulkFailure, 'operation' | 'attempts'>;
}

const DEFAULTS = { maxBodyBytes: 5 * 1024 * 1024, maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 10_000, requestTimeoutMs: 30_000 } as const;

/**
 * Writes operations with the bulk API and accounts for every one of them (B5): each item of
 * each response is inspected; 429s and whole-request failures are resent with capped
 * exponential backoff and full jitter; nothing is dropped (checklist 23, 26, 27). The
 * client's own retries and `helpers.bulk` are not used: the helper hands non-429 failures to
 * an `onDrop` callback and resolves normally (B6).
 */
export async function bulkWrite(client: Client, operations: readonly BulkOperation[], options: BulkWriteOptions = {}): Promise<BulkReport> {
  return new BulkRun(client, operations, options).execute();
}

class BulkRun {
  private readonly outcomes: (BulkOutcome | undefined)[];
  private readonly permanent: BulkFailure[] = [];
  private readonly exhausted: BulkFailure[] = [];
  private readonly now: () => number;
  private readonly deadline: number;
  private budget: number;
  private requests = 0;
  private retries = 0;

  constructor(
    private readonly client: Client,
    private readonly operations: readonly BulkOperation[],
    private readonly options: BulkWriteOptions,
  ) {
    this.outcomes = new Array<BulkOutcome | undefined>(operations.length);
    this.now = options.now ?? Date.now;
    this.deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    this.budget = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  }

  async execute(): Promise<BulkReport> {
    let pending = this.encodeAll();
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? DEFAULTS.maxAttempts);
    for (let round = 1; pending.length > 0; round++) {
      if (round > 1) {
        if (round > maxAttempts || !(await this.pause(round, pending))) break;
        this.retries += pending.length;
      }
      pending = await this.sendRound(pending);
    }
    for (const p of pending) {
      const last = p.last ?? { type: 'deadline_exceeded', reason: 'the deadline passed before the operation was sent', scope: 'local' as const };
      this.settle(p, 'retries-exhausted', this.exhausted, last);
    }
    const count = (outcome: BulkOutcome): number => this.outcomes.filter((o) => o === outcome).length;
    return {
      written: count('written'),
      alreadyPresent: count('already-present'),
      permanentFailures: this.permanent,
      retriesExhausted: this.exhausted,
      outcomes: this.outcomes.map((o, i) => o ?? internalError(i)),
      requests: this.requests,
      retries: this.retries,
    };
  }

  private encodeAll(): Pending[] {
    const pending: Pending[] = [];
    this.operations.forEach((operation, index) => {
      const encoded = encodeOperation(operation, this.budget);
      if (encoded.ok) pending.push({ index, ndjson: encoded.ndjson, bytes: encoded.bytes, attempts: 0 });
      else this.settle({ index, ndjson: '', bytes: 0, attempts: 0 }, 'permanent-failure', this.permanent, { ...encoded, scope: 'local' });
    });
    return pending;
  }

  /** Waits before a resend; false when the wait would end past the deadline. */
  private async pause(round: number, pending: readonly Pending[]): Promise<boolean> {
    const delayMs = backoffDelayMs(round - 1, {
      baseDelayMs: this.options.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: this.options.maxDelayMs ?? DEFAULTS.maxDelayMs,
      random: this.options.random ?? Math.random,
    });
    if (this.now() + delayMs >= this.deadline) return false;
    this.options.onRetry?.({ attempt: round, pendingCount: pending.length, delayMs, types: [...new Set(pending.map((p) => p.last?.type ?? 'unknown'))] });
    await (this.options.sleep ?? sleepMs)(delayMs);
    return true;
  }

  /** Sends every pending operation once; returns those to resend. */
  private async sendRound(pending: readonly Pending[]): Promise<Pending[]> {
    const queue = packBodies(pending, this.budget);
    const resend: Pending[] = [];
    for (let body = queue.shift(); body !== undefined; body = queue.shift()) {
      const timeoutMs = Math.min(this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs, this.deadline - this.now());
      if (timeoutMs <= 0) {
        resend.push(...body, ...queue.flat());
        break;
      }
      for (const p of body) p.attempts++;
      this.requests++;
      let responseBody: unknown;
      try {
        const response = await this.client.transport.request(
          { method: 'POST', path: '/_bulk', bulkBody: body.map((p) => p.ndjson).join(''), querystring: this.querystring() },
          { maxRetries: 0, requestTimeout: timeoutMs },
        );
        responseBody = response.body;
      } catch (error) {
        const failure = describeRequestFailure(error);
        if (failure.status === 413 && body.length > 1) {
          // Over the node's HTTP limit (10 MiB on small AWS instances): halve and resend now (checklist 27).
          this.budget = Math.max(1, Math.floor(body.reduce((sum, p) => sum + p.bytes, 0) / 2));
          queue.unshift(...packBodies(body, this.budget));
          continue;
        }
        const last = { ...(failure.status === undefined ? {} : { status: failure.status }), type: failure.type, reason: failure.reason, scope: 'request' as const };
        for (const p of body) {
          if (failure.retryable) resend.push(Object.assign(p, { last }));
          else this.settle(p, 'permanent-failure', this.permanent, last);
        }
        continue;
      }
      resend.push(...this.settleItems(body, responseBody));
    }
    return resend;
  }

  private settleItems(body: readonly Pending[], responseBody: unknown): Pending[] {
    const parsed = bulkResponseSchema.safeParse(responseBody);
    if (!parsed.success || parsed.data.items.length !== body.length) {
      // Nothing can be attributed: resend all (every operation is idempotent by its id).
      const reason = parsed.success ? `${parsed.data.items.length} items for ${body.length} operations` : parsed.error.issues[0]?.message ?? 'invalid';
      const last = { type: 'malformed_bulk_response', reason, scope: 'request' as const };
      return body.map((p) => Object.assign(p, { last }));
    }
    const resend: Pending[] = [];
    body.forEach((p, i) => {
      const item = Object.values(parsed.data.items[i] ?? {})[0];
      const outcome = item === undefined ? undefined : classifyItem(this.operationAt(p.index), item);
      if (outcome === undefined) resend.push(Object.assign(p, { last: { type: 'malformed_bulk_response', reason: `item ${i} is empty`, scope: 'request' as const } }));
      else if (outcome.kind === 'written' || outcome.kind === 'already-present') this.outcomes[p.index] = outcome.kind;
      else if (outcome.kind === 'retry') resend.push(Object.assign(p, { last: { status: outcome.status, type: outcome.type, reason: outcome.reason, scope: 'item' as const } }));
      else this.settle(p, 'permanent-failure', this.permanent, { status: outcome.status, type: outcome.type, reason: outcome.reason, scope: 'item' });
    });
    return resend;
  }

  private settle(p: Pending, outcome: BulkOutcome, list: BulkFailure[], failure: Omit<BulkFailure, 'operation' | 'attempts'>): void {
    this.outcomes[p.index] = outcome;
    list.push({ operation: this.operationAt(p.index), ...failure, attempts: p.attempts });
  }

  private querystring(): Record<string, string> {
    // Only what is read comes back: a 5 MiB bulk's per-item metadata is otherwise larger than needed.
    const query: Record<string, string> = { filter_path: 'errors,items.*.status,items.*.error' };
    if (this.options.refresh !== undefined) query['refresh'] = this.options.refresh;
    return query;
  }

  private operationAt(index: number): BulkOperation {
    const operation = this.operations[index];
    if (operation === undefined) throw new RangeError(`no operation at index ${index}`);
    return operation;
  }
}

function internalError(index: number): never {
  throw new Error(`internal: operation ${index} has no outcome after bulkWrite settled`);
}
