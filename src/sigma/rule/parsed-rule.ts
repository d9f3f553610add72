import type { ConditionNode } from '../condition/condition-ast';
import type { DetectionNode } from '../detection/detection-node';
import type { DocPath } from '../problems';
import type { SigmaRuleDocument } from '../../schemas/sigma-rule';

export interface Logsource {
  readonly category?: string | undefined;
  readonly product?: string | undefined;
  readonly service?: string | undefined;
  readonly [key: string]: unknown;
}

export interface ParsedCondition {
  readonly text: string;
  readonly ast: ConditionNode;
  readonly path: DocPath;
}

/**
 * A detection rule after parsing and validation, before compilation. Processing pipelines
 * transform these values (they never mutate them): field names, log source, extra conditions.
 */
export interface ParsedRule {
  readonly file: string;
  /** Index of the document within a multi-document file. */
  readonly documentIndex: number;
  readonly line: number;
  readonly document: SigmaRuleDocument;
  readonly logsource: Logsource;
  /** Search identifiers in document order. */
  readonly detections: ReadonlyMap<string, DetectionNode>;
  /** One or more conditions; a list of conditions is OR-linked. */
  readonly conditions: readonly ParsedCondition[];
  readonly lineOf: (path: DocPath) => number | undefined;
}
