import { z } from 'zod';

/**
 * A processing pipeline in pySigma's YAML format (pySigma docs, "Writing Processing Pipelines"):
 * `name`, `priority`, `vars` and a list of `transformations`, each gated by optional rule,
 * field-name and detection-item conditions. Only the shape is checked here; regexes, condition
 * expressions and `add_condition` selections are checked when the pipeline is built.
 */

function recordWithType(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('type' in value)) return undefined;
  return String(value.type);
}

/** Error for a `type` that selects no variant: says which types exist, and whether pySigma knows the type. */
function unknownTypeError(what: string, types: readonly string[], pySigmaOnly: readonly string[]) {
  return (issue: { code: string; input?: unknown }): string | undefined => {
    if (issue.code === 'invalid_type') return `must be a map with a 'type' (one of: ${types.join(', ')})`;
    if (issue.code !== 'invalid_union') return undefined;
    const type = recordWithType(issue.input);
    if (type === undefined) return `is required: the ${what} type, one of: ${types.join(', ')}`;
    const kind = pySigmaOnly.includes(type) ? `pySigma ${what} type '${type}' is not supported here` : `unknown ${what} type '${type}'`;
    return `${kind}; supported: ${types.join(', ')}`;
  };
}

function typedUnion<const T extends readonly [z.ZodObject<{ type: z.ZodLiteral<string> }>, ...z.ZodObject<{ type: z.ZodLiteral<string> }>[]]>(
  what: string,
  pySigmaOnly: readonly string[],
  members: T,
) {
  const types = members.map((m) => String(m.shape.type.value));
  return z.discriminatedUnion('type', members, { error: unknownTypeError(what, types, pySigmaOnly) });
}

/** Conditions come as a list, or as a map of id → condition when an expression (`*_cond_expr`) names them. */
function conditionsOf<T extends z.ZodType>(condition: T) {
  return z.union([z.array(condition), z.record(z.string(), condition)], {
    error: 'must be a list of conditions, or a map of condition id → condition',
  });
}

// pySigma ProcessingItem: *_cond_op links with all()/any().
const conditionOperatorSchema = z.enum(['and', 'or']);

// Condition and transformation types pySigma has but this engine does not, named as such in errors.
const PYSIGMA_ONLY_RULE_CONDITIONS = ['contains_detection_item', 'contains_field', 'processing_item_applied', 'processing_state', 'is_sigma_rule', 'is_sigma_correlation_rule'];
const PYSIGMA_ONLY_FIELD_NAME_CONDITIONS = ['processing_item_applied', 'processing_state'];
const PYSIGMA_ONLY_DETECTION_ITEM_CONDITIONS = ['contains_wildcard', 'processing_item_applied', 'processing_state'];
const PYSIGMA_ONLY_TRANSFORMATIONS = [
  'field_name_transform', 'hashes_fields', 'extract_fields', 'wildcard_placeholders', 'query_expression_placeholders',
  'file_placeholders', 'http_placeholders', 'command_placeholders', 'add_field', 'remove_field', 'set_field',
  'replace_string', 'map_string', 'set_state', 'regex', 'set_value', 'convert_type', 'strict_field_mapping_failure',
  'set_custom_attribute', 'nest', 'case',
];

export const ruleConditionSchema = typedUnion('rule condition', PYSIGMA_ONLY_RULE_CONDITIONS, [
  z.strictObject({ type: z.literal('logsource'), category: z.string().optional(), product: z.string().optional(), service: z.string().optional() }),
  z.strictObject({ type: z.literal('tag'), tag: z.string().min(1) }),
  z.strictObject({
    type: z.literal('rule_attribute'),
    attribute: z.string().min(1),
    value: z.union([z.string(), z.number()], { error: 'must be a string or a number' }),
    op: z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in', 'not_in']).optional(),
  }),
]);

export const fieldNameConditionSchema = typedUnion('field name condition', PYSIGMA_ONLY_FIELD_NAME_CONDITIONS, [
  z.strictObject({ type: z.literal('include_fields'), fields: z.array(z.string()).min(1), mode: z.enum(['plain', 're']).optional() }),
  z.strictObject({ type: z.literal('exclude_fields'), fields: z.array(z.string()).min(1), mode: z.enum(['plain', 're']).optional() }),
]);

const plainValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], { error: 'must be a string, number, boolean or null' });

export const detectionItemConditionSchema = typedUnion('detection item condition', PYSIGMA_ONLY_DETECTION_ITEM_CONDITIONS, [
  z.strictObject({ type: z.literal('match_string'), pattern: z.string(), cond: z.enum(['any', 'all']).optional(), negate: z.boolean().optional() }),
  z.strictObject({ type: z.literal('match_value'), value: plainValueSchema, cond: z.enum(['any', 'all']).optional() }),
  z.strictObject({ type: z.literal('is_null'), cond: z.enum(['any', 'all']).optional() }),
]);

const conditionKeys = {
  id: z.string().min(1).optional(),
  rule_conditions: conditionsOf(ruleConditionSchema).optional(),
  rule_cond_op: conditionOperatorSchema.optional(),
  rule_cond_not: z.boolean().optional(),
  rule_cond_expr: z.string().min(1).optional(),
  field_name_conditions: conditionsOf(fieldNameConditionSchema).optional(),
  field_name_cond_op: conditionOperatorSchema.optional(),
  field_name_cond_not: z.boolean().optional(),
  field_name_cond_expr: z.string().min(1).optional(),
  detection_item_conditions: conditionsOf(detectionItemConditionSchema).optional(),
  detection_item_cond_op: conditionOperatorSchema.optional(),
  detection_item_cond_not: z.boolean().optional(),
  detection_item_cond_expr: z.string().min(1).optional(),
};

function transformation<const T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), ...conditionKeys, ...shape });
}

const fieldNameSchema = z.string().min(1, { error: 'must not be empty' });
const fieldTargetsSchema = z.union([fieldNameSchema, z.array(fieldNameSchema).min(1)], {
  error: 'must be a field name or a non-empty list of field names',
});
const fieldMappingSchema = z.record(z.string(), fieldTargetsSchema, { error: 'must be a map of field name → new field name (or list of names)' });
const placeholderNamesSchema = z.array(z.string().min(1));

export const transformationItemSchema = typedUnion('transformation', PYSIGMA_ONLY_TRANSFORMATIONS, [
  transformation('field_name_mapping', { mapping: fieldMappingSchema }),
  transformation('field_name_prefix_mapping', { mapping: fieldMappingSchema }),
  transformation('field_name_prefix', { prefix: fieldNameSchema }),
  transformation('field_name_suffix', { suffix: fieldNameSchema }),
  transformation('add_condition', {
    conditions: z.record(z.string(), z.unknown(), { error: 'must be a map of field|modifiers → value(s), like a selection' }),
    name: z.string().regex(/^_[A-Za-z0-9_-]*$/, { error: "must start with '_' (so '1 of them' does not select it) and use letters, digits, _ or -" }).optional(),
    negated: z.boolean().optional(),
    template: z.boolean().optional(),
  }),
  transformation('change_logsource', { category: z.string().optional(), product: z.string().optional(), service: z.string().optional() }),
  transformation('value_placeholders', { include: placeholderNamesSchema.optional(), exclude: placeholderNamesSchema.optional() }),
  transformation('drop_detection_item', {}),
  transformation('rule_failure', { message: z.string().min(1) }),
  transformation('detection_item_failure', { message: z.string().min(1) }),
]);

// pySigma's value_placeholders accepts strings and numbers (ValueListPlaceholderTransformation).
const varScalarSchema = z.union([z.string(), z.number()], { error: 'must be a string or a number' });

export const pipelineVarsSchema = z.record(z.string(), z.union([varScalarSchema, z.array(varScalarSchema)], { error: 'must be a string, a number or a list of them' }));

export const pipelineDocumentSchema = z.strictObject({
  name: z.string().min(1).optional(),
  priority: z.number().int({ error: 'must be an integer' }).optional(),
  vars: pipelineVarsSchema.optional(),
  transformations: z.array(transformationItemSchema).optional(),
  // Post-processing rewrites a backend's query text; rules here are evaluated, not converted.
  postprocessing: z.array(z.unknown()).max(0, { error: 'query postprocessing applies to backend query text and is not supported' }).optional(),
  // Finalizers only format a backend's output; accepted so shared pipeline files load.
  finalizers: z.array(z.unknown()).optional(),
  allowed_backends: z.array(z.string()).optional(),
});

export type PipelineDocument = z.infer<typeof pipelineDocumentSchema>;
export type TransformationItem = z.infer<typeof transformationItemSchema>;
export type TransformationType = TransformationItem['type'];
export type RuleConditionDefinition = z.infer<typeof ruleConditionSchema>;
export type FieldNameConditionDefinition = z.infer<typeof fieldNameConditionSchema>;
export type DetectionItemConditionDefinition = z.infer<typeof detectionItemConditionSchema>;
