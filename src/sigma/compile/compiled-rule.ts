import type { EventView } from '../events/event-view';
import type { Logsource } from '../rule/parsed-rule';
import type { SigmaRuleDocument } from '../../schemas/sigma-rule';
import type { Requirement } from './requirement';

/**
 * A rule ready to evaluate: metadata, a compiled condition and the literal requirement the
 * index uses. Immutable (frozen): safe to share across invocations in one Lambda environment.
 */
/** A field a rule reads (after pipelines), and where the rule file names it. */
export interface FieldUse {
  readonly field: string;
  readonly line: number | undefined;
  /** The detection item's path in the rule document, for error messages (`detection.selection.eventName`). */
  readonly path: string;
}

export interface CompiledRule {
  /** Unique within a rule set: the rule id, else `file#document`. */
  readonly key: string;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly title: string;
  readonly level: SigmaRuleDocument['level'];
  readonly status: SigmaRuleDocument['status'];
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly references: readonly string[];
  readonly falsepositives: readonly string[];
  readonly logsource: Logsource;
  /** The rule document as written (custom attributes included). */
  readonly document: SigmaRuleDocument;
  readonly source: { readonly file: string; readonly line: number };
  readonly requirement: Requirement;
  /** Titles of meta-filters applied to this rule. */
  readonly filters: readonly string[];
  /** Every event field the detection reads, after pipelines (fieldref targets included). */
  readonly fields: readonly FieldUse[];
  matches(view: EventView): boolean;
  /** The rule's own search identifiers that hold for the event (call after a match). */
  matchedSelections(view: EventView): string[];
}
