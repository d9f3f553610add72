import type { DocPath, ProblemCollector } from '../../problems';
import type { Logsource } from '../../rule/parsed-rule';
import type { TransformationItem } from '../../../schemas/sigma-pipeline';
import type { Transformation } from '../processing-pipeline';

type ChangeLogsourceItem = Extract<TransformationItem, { type: 'change_logsource' }>;

/**
 * `change_logsource`: replaces the rule's log source with exactly the fields given, as pySigma's
 * ChangeLogsourceTransformation does (fields not given are cleared). The document as written is kept.
 */
export function changeLogsource(item: ChangeLogsourceItem, path: DocPath, problems: ProblemCollector): Transformation | undefined {
  const logsource: { category?: string; product?: string; service?: string } = {};
  if (item.category !== undefined) logsource.category = item.category;
  if (item.product !== undefined) logsource.product = item.product;
  if (item.service !== undefined) logsource.service = item.service;
  if (Object.keys(logsource).length === 0) {
    // An empty log source would make the rule apply to every event source.
    problems.add(path, 'change_logsource needs at least one of category, product or service');
    return undefined;
  }
  const frozen: Logsource = Object.freeze(logsource);
  return (rule) => ({ ...rule, logsource: frozen });
}
