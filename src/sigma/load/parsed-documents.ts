import type { ConditionNode } from '../condition/condition-ast';
import type { DetectionNode } from '../detection/detection-node';
import type { DocPath } from '../problems';
import type { SigmaCorrelationDocument } from '../../schemas/sigma-correlation';
import type { SigmaFilterDocument } from '../../schemas/sigma-filter';

/** A validated correlation rule; evaluation of correlations is a later stage, this keeps them checked and at hand. */
export interface ParsedCorrelation {
  readonly file: string;
  readonly line: number;
  readonly document: SigmaCorrelationDocument;
  readonly lineOf: (path: DocPath) => number | undefined;
}

/** A validated meta-filter: its own search identifiers and condition, ANDed onto the rules it names. */
export interface ParsedFilter {
  readonly file: string;
  readonly line: number;
  readonly document: SigmaFilterDocument;
  readonly detections: ReadonlyMap<string, DetectionNode>;
  readonly condition: ConditionNode;
  readonly conditionPath: DocPath;
  readonly lineOf: (path: DocPath) => number | undefined;
}
