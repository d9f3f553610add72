import type { DetectionItem, DetectionNode } from '../../detection/detection-node';
import type { PlainValue } from '../../values/sigma-value';
import type { TransformContext, Transformation } from '../processing-pipeline';
import { rewriteDetectionItems } from './rewrite-detections';

/** New name(s) for a field, or undefined to leave it alone. */
export type FieldNameMapper = (field: string) => readonly string[] | undefined;

/**
 * The part every field-name transformation shares (pySigma FieldMappingTransformationBase):
 * renames item fields and `fieldref` values that pass the field-name conditions, and the rule's
 * `fields` list. A field mapped to several names becomes an OR of copies of the item.
 */
export function fieldNameTransformation(mapper: FieldNameMapper): Transformation {
  return (rule, ctx) => {
    const { detections } = rewriteDetectionItems(rule.detections, (item) => mapItem(item, mapper, ctx));
    const fields = rule.document.fields;
    if (fields === undefined) return { ...rule, detections };
    const mapped = fields.flatMap((f) => (ctx.matchesField(f) ? (mapper(f) ?? [f]) : [f]));
    return { ...rule, detections, document: { ...rule.document, fields: mapped } };
  };
}

function mapItem(item: DetectionItem, mapper: FieldNameMapper, ctx: TransformContext): DetectionNode {
  if (!ctx.matchesItem(item)) return item;
  const values = item.modifiers.includes('fieldref') ? item.values.flatMap((v) => mapFieldRef(v, mapper, ctx)) : item.values;
  // Keyword items have no field to map (pySigma can map them only with a `null` key, which YAML-in-JS cannot express).
  const targets = item.field !== undefined && ctx.matchesField(item.field) ? mapper(item.field) : undefined;
  if (targets === undefined) return { ...item, values };
  if (targets.length === 1) return { ...item, field: targets[0], values };
  return { kind: 'or', path: item.path, children: targets.map((field) => ({ ...item, field, values })) };
}

/** A `fieldref` value names a field of the event, so it is mapped like one. */
function mapFieldRef(value: PlainValue, mapper: FieldNameMapper, ctx: TransformContext): readonly PlainValue[] {
  if (typeof value !== 'string' || !ctx.matchesField(value)) return [value];
  return mapper(value) ?? [value];
}
