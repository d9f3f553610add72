import type { DetectionItem } from '../detection/detection-node';
import type { DocPath, RuleProblem } from '../problems';
import type { ParsedRule } from '../rule/parsed-rule';
import type { PlainValue } from '../values/sigma-value';
import type { TransformationType } from '../../schemas/sigma-pipeline';

/** What a transformation may consult and report while it rewrites one rule. */
export interface TransformContext {
  /** Variables of every pipeline applied, later (higher-priority) pipelines overriding earlier ones, as pySigma merges them. */
  readonly vars: ReadonlyMap<string, readonly PlainValue[]>;
  /** The item's field-name and detection-item conditions for one detection item (its field or a `fieldref` value). */
  matchesItem(item: DetectionItem): boolean;
  /** The item's field-name conditions alone, for one field name. */
  matchesField(field: string | undefined): boolean;
  /** Reports a problem at a path of the rule; the pipeline and transformation are named in the message. */
  report(path: DocPath, message: string): void;
  /** Gives `%name%` placeholders their values for the `expand` modifier. */
  definePlaceholder(name: string, values: readonly PlainValue[]): void;
}

/** Rewrites a rule into a new value; the input is never mutated. */
export type Transformation = (rule: ParsedRule, ctx: TransformContext) => ParsedRule;

/** One validated entry of a pipeline's `transformations` list, with its conditions compiled. */
export interface ProcessingItem {
  readonly id: string | undefined;
  readonly type: TransformationType;
  /** Where the item is written in the pipeline file. */
  readonly path: DocPath;
  readonly line: number | undefined;
  matchesRule(rule: ParsedRule): boolean;
  matchesField(field: string | undefined): boolean;
  matchesItem(item: DetectionItem): boolean;
  readonly transform: Transformation;
}

export interface ProcessingPipeline {
  readonly name: string;
  /** Pipelines apply lowest priority first (pySigma: 10 log source, 20 backend pre, 50 backend, 60 output). */
  readonly priority: number;
  readonly file: string;
  readonly vars: ReadonlyMap<string, readonly PlainValue[]>;
  readonly items: readonly ProcessingItem[];
}

export interface PipelineResult {
  readonly rule: ParsedRule;
  /** Placeholder values for the `expand` modifier, from `value_placeholders`. */
  readonly placeholders: ReadonlyMap<string, readonly PlainValue[]>;
  readonly problems: readonly RuleProblem[];
}
