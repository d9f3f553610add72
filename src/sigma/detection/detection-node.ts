import type { DocPath } from '../problems';
import type { PlainValue } from '../values/sigma-value';

/**
 * A search identifier's definition as written, before modifiers are applied: maps are AND,
 * lists are OR, and each `field|modifier…: value(s)` pair is an item. Processing pipelines
 * rewrite this tree (field names, extra conditions) before it is compiled.
 */
export type DetectionNode = DetectionGroup | DetectionItem;

export interface DetectionGroup {
  readonly kind: 'and' | 'or';
  readonly children: readonly DetectionNode[];
  readonly path: DocPath;
}

export interface DetectionItem {
  readonly kind: 'item';
  /** Undefined for keyword items, which search every value of the event. */
  readonly field: string | undefined;
  readonly modifiers: readonly string[];
  readonly values: readonly PlainValue[];
  /** Where the item is written in the rule file, for error messages. */
  readonly path: DocPath;
}

export function isDetectionItem(node: DetectionNode): node is DetectionItem {
  return node.kind === 'item';
}

/** Rebuilds a tree with every item passed through `fn` (which may return a replacement node or undefined to drop it). */
export function mapDetectionItems(
  node: DetectionNode,
  fn: (item: DetectionItem) => DetectionNode | undefined,
): DetectionNode | undefined {
  if (node.kind === 'item') return fn(node);
  const children = node.children.map((c) => mapDetectionItems(c, fn)).filter((c): c is DetectionNode => c !== undefined);
  return children.length === 0 ? undefined : { ...node, children };
}

/** Every item of a tree, in document order. */
export function detectionItems(node: DetectionNode): DetectionItem[] {
  return node.kind === 'item' ? [node] : node.children.flatMap(detectionItems);
}
