import { detectionItems } from '../../detection/detection-node';
import type { TransformationItem } from '../../../schemas/sigma-pipeline';
import type { Transformation } from '../processing-pipeline';

type FailureItem = Extract<TransformationItem, { type: 'rule_failure' | 'detection_item_failure' }>;

/** `rule_failure`: rejects every rule the item's rule conditions select (e.g. an unsupported log source). */
export function ruleFailure(item: FailureItem): Transformation {
  return (rule, ctx) => {
    ctx.report([], item.message);
    return rule;
  };
}

/** `detection_item_failure`: rejects rules with an item that passes the field-name and detection-item conditions. */
export function detectionItemFailure(item: FailureItem): Transformation {
  return (rule, ctx) => {
    for (const node of rule.detections.values()) {
      for (const detectionItem of detectionItems(node)) if (ctx.matchesItem(detectionItem)) ctx.report(detectionItem.path, item.message);
    }
    return rule;
  };
}
