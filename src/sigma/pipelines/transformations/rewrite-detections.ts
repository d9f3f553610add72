import type { DetectionItem, DetectionNode } from '../../detection/detection-node';
import { mapDetectionItems } from '../../detection/detection-node';

export interface RewrittenDetections {
  readonly detections: ReadonlyMap<string, DetectionNode>;
  /** Identifiers whose every item was dropped; they are left out of `detections`. */
  readonly emptied: readonly string[];
}

/** Passes every detection item of every search identifier through `fn`, building new trees. */
export function rewriteDetectionItems(
  detections: ReadonlyMap<string, DetectionNode>,
  fn: (item: DetectionItem) => DetectionNode | undefined,
): RewrittenDetections {
  const out = new Map<string, DetectionNode>();
  const emptied: string[] = [];
  for (const [name, node] of detections) {
    const rewritten = mapDetectionItems(node, fn);
    if (rewritten === undefined) emptied.push(name);
    else out.set(name, rewritten);
  }
  return { detections: out, emptied };
}
