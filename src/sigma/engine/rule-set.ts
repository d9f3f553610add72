import type { CompiledRule } from '../compile/compiled-rule';
import { EventView } from '../events/event-view';
import { LiteralAutomaton } from './aho-corasick';

/** A rule that matched an event, and which of its search identifiers held. */
export interface RuleMatch {
  readonly rule: CompiledRule;
  readonly selections: readonly string[];
}

export interface RuleSetStats {
  readonly rules: number;
  /** Rules evaluated only when one of their literals occurs in the event. */
  readonly indexedRules: number;
  /** Rules with no usable literal, evaluated for every event. */
  readonly alwaysEvaluated: number;
  readonly literals: number;
  readonly automatonStates: number;
  readonly automatonBytes: number;
}

/**
 * Compiled rules with an index that decides, per event, which rules can possibly match: each
 * rule is filed under literals one of which every matching event contains; one pass of a
 * multi-literal automaton over the event's text yields the candidate rules, and only those are
 * evaluated. Adding rules therefore costs little per event. Results keep rule order.
 */
export class RuleSet {
  readonly rules: readonly CompiledRule[];
  private readonly automaton: LiteralAutomaton;
  private readonly literalRules: readonly (readonly number[])[];
  private readonly alwaysRules: readonly number[];
  // Scratch space reused across evaluations (evaluation is synchronous, so never shared concurrently).
  private readonly literalSeen: Uint32Array;
  private readonly ruleSeen: Uint32Array;
  private generation = 0;

  constructor(rules: readonly CompiledRule[]) {
    this.rules = rules;
    const literalIds = new Map<string, number>();
    const literalRules: number[][] = [];
    const always: number[] = [];
    rules.forEach((rule, index) => {
      if (rule.requirement === undefined) {
        always.push(index);
        return;
      }
      for (const lit of rule.requirement) {
        let id = literalIds.get(lit);
        if (id === undefined) {
          id = literalIds.size;
          literalIds.set(lit, id);
          literalRules.push([]);
        }
        (literalRules[id] as number[]).push(index);
      }
    });
    this.automaton = new LiteralAutomaton([...literalIds.keys()]);
    this.literalRules = literalRules;
    this.alwaysRules = always;
    this.literalSeen = new Uint32Array(literalIds.size);
    this.ruleSeen = new Uint32Array(rules.length);
  }

  /** Evaluates every rule that can match the event; returns the matches in rule order. */
  evaluate(event: unknown): RuleMatch[] {
    const view = new EventView(event);
    const matches: RuleMatch[] = [];
    for (const index of this.candidates(view)) {
      const rule = this.rules[index] as CompiledRule;
      if (rule.matches(view)) matches.push({ rule, selections: rule.matchedSelections(view) });
    }
    return matches;
  }

  /** Indexes of the rules worth evaluating for this event, ascending. */
  candidates(view: EventView): number[] {
    const gen = this.nextGeneration();
    const { literalSeen, ruleSeen, literalRules } = this;
    const out: number[] = [...this.alwaysRules];
    for (const index of out) ruleSeen[index] = gen;
    const found = (literalId: number): void => {
      if (literalSeen[literalId] === gen) return;
      literalSeen[literalId] = gen;
      for (const index of literalRules[literalId] as readonly number[]) {
        if (ruleSeen[index] !== gen) {
          ruleSeen[index] = gen;
          out.push(index);
        }
      }
    };
    if (this.literalRules.length > 0) for (const text of view.scanTexts()) this.automaton.scan(text, found);
    return out.sort((a, b) => a - b);
  }

  stats(): RuleSetStats {
    return {
      rules: this.rules.length,
      indexedRules: this.rules.length - this.alwaysRules.length,
      alwaysEvaluated: this.alwaysRules.length,
      literals: this.literalRules.length,
      automatonStates: this.automaton.stateCount,
      automatonBytes: this.automaton.tableBytes,
    };
  }

  private nextGeneration(): number {
    this.generation++;
    if (this.generation === 0xffffffff) {
      // Wrap-around: clear the stamps so an old generation can never look current.
      this.literalSeen.fill(0);
      this.ruleSeen.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}
