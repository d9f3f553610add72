import type { CompiledRule } from '../compile/compiled-rule';
import { selectivity } from '../compile/requirement';
import { EventView } from '../events/event-view';
import type { FieldAccessor } from '../events/field-path';
import { compileFieldAccessor } from '../events/field-path';
import { LiteralAutomaton } from '../text/literal-automaton';

/** A rule that matched an event, and which of its search identifiers held. */
export interface RuleMatch {
  readonly rule: CompiledRule;
  readonly selections: readonly string[];
}

export interface RuleSetStats {
  readonly rules: number;
  /** Rules evaluated only when their literals occur in the event. */
  readonly indexedRules: number;
  /** Rules without literals evaluated only when a field they need is present. */
  readonly fieldIndexed: number;
  /** Rules with neither, evaluated for every event. */
  readonly alwaysEvaluated: number;
  readonly literals: number;
  readonly automatonStates: number;
  readonly automatonBytes: number;
}

/**
 * Compiled rules with an index that decides, per event, which rules can possibly match. Each
 * rule's requirement is a conjunction of clauses (one literal of each must occur); the rule is
 * filed under the literals of its most selective clause. One pass of a case-insensitive
 * multi-literal automaton over the event's text marks the literals present; a rule filed under
 * one of them becomes a candidate if its other clauses hold too, and only candidates are
 * evaluated. Adding rules therefore costs little per event. Results keep rule order.
 */
export class RuleSet {
  readonly rules: readonly CompiledRule[];
  private readonly automaton: LiteralAutomaton;
  /** Rules filed under each literal (by their primary clause). */
  private readonly literalRules: readonly (readonly number[])[];
  /** Per rule: its other clauses, as literal ids. */
  private readonly otherClauses: readonly (readonly (readonly number[])[])[];
  private readonly alwaysRules: readonly number[];
  /** Rules without literals that still need a field: evaluated only when the field is present. */
  private readonly fieldRules: readonly { readonly field: string; readonly accessor: FieldAccessor; readonly indexes: readonly number[] }[];
  // Scratch space reused across evaluations (evaluation is synchronous, so never shared concurrently).
  private readonly literalSeen: Uint32Array;
  private readonly ruleSeen: Uint32Array;
  private readonly filed: Uint32Array;
  private filedCount = 0;
  private current = 0;
  private generation = 0;

  constructor(rules: readonly CompiledRule[]) {
    this.rules = rules;
    const literalIds = new Map<string, number>();
    const idOf = (lit: string): number => {
      let id = literalIds.get(lit);
      if (id === undefined) {
        id = literalIds.size;
        literalIds.set(lit, id);
      }
      return id;
    };
    const literalRules: number[][] = [];
    const otherClauses: number[][][] = [];
    const always: number[] = [];
    const fieldRules = new Map<string, number[]>();
    rules.forEach((rule, index) => {
      const clauses = [...rule.requirement.clauses].sort((a, b) => selectivity(b) - selectivity(a));
      const [primary, ...others] = clauses;
      otherClauses.push(others.map((clause) => clause.map(idOf)));
      if (primary === undefined) {
        const field = [...rule.requirement.fields].sort((a, b) => b.length - a.length)[0];
        if (field === undefined) always.push(index);
        else fieldRules.set(field, [...(fieldRules.get(field) ?? []), index]);
        return;
      }
      for (const lit of primary) {
        const id = idOf(lit);
        while (literalRules.length <= id) literalRules.push([]);
        (literalRules[id] as number[]).push(index);
      }
    });
    while (literalRules.length < literalIds.size) literalRules.push([]);
    this.automaton = new LiteralAutomaton([...literalIds.keys()]);
    this.literalRules = literalRules;
    this.otherClauses = otherClauses;
    this.alwaysRules = always;
    this.fieldRules = [...fieldRules].map(([field, indexes]) => ({ field, accessor: compileFieldAccessor(field), indexes }));
    this.literalSeen = new Uint32Array(literalIds.size);
    this.ruleSeen = new Uint32Array(rules.length);
    this.filed = new Uint32Array(rules.length);
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
    this.filedCount = 0;
    this.current = this.nextGeneration();
    // One pass over all values joined: a literal spanning two values only adds a candidate, never a match.
    if (this.literalSeen.length > 0) this.automaton.scan(view.scanTexts().join('\n'), this.onLiteral);
    const out = [...this.alwaysRules];
    for (const { field, accessor, indexes } of this.fieldRules) if (view.field(field, accessor).present) out.push(...indexes);
    for (let i = 0; i < this.filedCount; i++) {
      const index = this.filed[i] as number;
      if (this.otherClausesHold(index)) out.push(index);
    }
    return out.sort((a, b) => a - b);
  }

  // Scan callback, bound once: marks the literal and files the rules indexed under it.
  private readonly onLiteral = (literalId: number): void => {
    const gen = this.current;
    if (this.literalSeen[literalId] === gen) return;
    this.literalSeen[literalId] = gen;
    for (const index of this.literalRules[literalId] as readonly number[]) {
      if (this.ruleSeen[index] !== gen) {
        this.ruleSeen[index] = gen;
        this.filed[this.filedCount++] = index;
      }
    }
  };

  private otherClausesHold(index: number): boolean {
    const gen = this.current;
    for (const clause of this.otherClauses[index] as readonly (readonly number[])[]) {
      let holds = false;
      for (const id of clause) {
        if (this.literalSeen[id] === gen) {
          holds = true;
          break;
        }
      }
      if (!holds) return false;
    }
    return true;
  }

  stats(): RuleSetStats {
    return {
      rules: this.rules.length,
      indexedRules: this.rules.length - this.alwaysRules.length - this.fieldIndexed,
      fieldIndexed: this.fieldIndexed,
      alwaysEvaluated: this.alwaysRules.length,
      literals: this.literalSeen.length,
      automatonStates: this.automaton.stateCount,
      automatonBytes: this.automaton.tableBytes,
    };
  }

  private get fieldIndexed(): number {
    return this.fieldRules.reduce((n, f) => n + f.indexes.length, 0);
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
