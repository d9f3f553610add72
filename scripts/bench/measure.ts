import type { CompiledRule, RuleMatch, RuleSet } from '../../src/sigma';
import { EventView } from '../../src/sigma/events/event-view';

/** One timed pass of rule evaluation over all events. */
export interface EvaluationFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly microsPerEvent: number;
  readonly matches: number;
  /** Events with at least one match. */
  readonly matchedEvents: number;
}

/** Per event, the indexes (in rule order) of the rules that matched. */
export type MatchTable = readonly (readonly number[])[];

function figures(events: number, nanos: bigint, matches: number, matchedEvents: number): EvaluationFigures {
  const seconds = Number(nanos) / 1e9;
  return { events, seconds, eventsPerSecond: events / seconds, microsPerEvent: (seconds * 1e6) / events, matches, matchedEvents };
}

/** Evaluates every event through the rule set's index; with `table`, also returns who matched. */
export function timeIndexed(ruleSet: RuleSet, events: readonly unknown[], table = false): { figures: EvaluationFigures; table: MatchTable | undefined } {
  const kept: RuleMatch[][] | undefined = table ? new Array<RuleMatch[]>(events.length) : undefined;
  let matches = 0;
  let matchedEvents = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < events.length; i++) {
    const found = ruleSet.evaluate(events[i]);
    matches += found.length;
    if (found.length > 0) matchedEvents++;
    if (kept !== undefined) kept[i] = found;
  }
  const elapsed = process.hrtime.bigint() - start;
  // Converting to indexes happens after the clock stops, so the table costs the timing nothing.
  const position = new Map<CompiledRule, number>(ruleSet.rules.map((rule, index) => [rule, index]));
  const indexes = kept?.map((found) => found.map((m) => position.get(m.rule) as number));
  return { figures: figures(events.length, elapsed, matches, matchedEvents), table: indexes };
}

/** Evaluates every rule against every event, bypassing the index (what the index saves). */
export function timeBruteForce(rules: readonly CompiledRule[], events: readonly unknown[]): { figures: EvaluationFigures; table: MatchTable } {
  const table: number[][] = new Array<number[]>(events.length);
  const none: number[] = [];
  let matches = 0;
  let matchedEvents = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < events.length; i++) {
    const view = new EventView(events[i]);
    let found = none;
    for (let r = 0; r < rules.length; r++) {
      if ((rules[r] as CompiledRule).matches(view)) {
        if (found === none) found = [];
        found.push(r);
      }
    }
    table[i] = found;
    matches += found.length;
    if (found.length > 0) matchedEvents++;
  }
  const elapsed = process.hrtime.bigint() - start;
  return { figures: figures(events.length, elapsed, matches, matchedEvents), table };
}

/** Average number of rules the index proposes per event (measured outside any timed loop). */
export function averageCandidates(ruleSet: RuleSet, events: readonly unknown[]): number {
  let total = 0;
  for (const event of events) total += ruleSet.candidates(new EventView(event)).length;
  return events.length === 0 ? 0 : total / events.length;
}

/** First event whose indexed and brute-force results differ, or undefined when all agree. */
export function firstDifference(indexed: MatchTable, bruteForce: MatchTable): number | undefined {
  // The brute-force pass may cover only the first events (it is slow); compare what both saw.
  const count = Math.min(indexed.length, bruteForce.length);
  for (let i = 0; i < count; i++) {
    const a = indexed[i] ?? [];
    const b = bruteForce[i] ?? [];
    if (a.length !== b.length || a.some((rule, k) => rule !== b[k])) return i;
  }
  return undefined;
}

type GcFunction = () => void;

/** `global.gc` exists only when node runs with --expose-gc. */
function gcFunction(): GcFunction | undefined {
  const candidate: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof candidate === 'function' ? (candidate as GcFunction) : undefined;
}

export function isGcExposed(): boolean {
  return gcFunction() !== undefined;
}

/** Heap in use, in MB, after a full collection when one can be forced. */
export function heapUsedMb(): number {
  const gc = gcFunction();
  if (gc !== undefined) {
    // Two passes: the first can leave objects that only become unreachable after finalization.
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export function timeMs<T>(work: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = work();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
