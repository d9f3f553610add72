import { applyPipelines } from '../../../src/sigma/pipelines';
import { fieldsOf, pipeline, ruleWith } from './pipeline-factory';

const rule = ruleWith(`
  selection:
      Image: a
      ImageLoaded: b
      User: c
  keywords: [d]
  condition: selection or keywords
`);

/** Field names after a `field_name_prefix: x.` gated by the given field-name conditions. */
function prefixed(conditions: string): unknown {
  const p = pipeline(`
    transformations:
      - type: field_name_prefix
        prefix: x.
${conditions.replace(/^/gm, '        ')}
  `);
  return fieldsOf(applyPipelines(rule, [p]).rule);
}

describe('sigma pipelines: field name conditions', () => {
  it('applies only to listed fields when include_fields compares names plainly', () => {
    expect(prefixed('field_name_conditions:\n  - type: include_fields\n    fields: [Image]')).toEqual({
      selection: { and: ['x.Image', 'ImageLoaded', 'User'] },
      keywords: null,
    });
  });

  it('matches the whole field name when include_fields uses mode re', () => {
    expect(prefixed("field_name_conditions:\n  - type: include_fields\n    mode: re\n    fields: ['Im.ge']")).toEqual({
      selection: { and: ['x.Image', 'ImageLoaded', 'User'] },
      keywords: null,
    });
  });

  it('applies to every other field when exclude_fields lists some', () => {
    expect(prefixed('field_name_conditions:\n  - type: exclude_fields\n    fields: [Image, User]')).toEqual({
      selection: { and: ['Image', 'x.ImageLoaded', 'User'] },
      keywords: null,
    });
  });

  it('links conditions with field_name_cond_op and negates them with field_name_cond_not', () => {
    const two = 'field_name_conditions:\n  - type: include_fields\n    fields: [Image]\n  - type: include_fields\n    fields: [User]';
    expect(prefixed(two)).toEqual({ selection: { and: ['Image', 'ImageLoaded', 'User'] }, keywords: null });
    expect(prefixed(`${two}\nfield_name_cond_op: or`)).toEqual({ selection: { and: ['x.Image', 'ImageLoaded', 'x.User'] }, keywords: null });
    expect(prefixed(`${two}\nfield_name_cond_op: or\nfield_name_cond_not: true`)).toEqual({
      selection: { and: ['Image', 'x.ImageLoaded', 'User'] },
      keywords: null,
    });
  });

  it('combines named conditions when field_name_cond_expr is given', () => {
    const expr = "field_name_conditions:\n  img:\n    type: include_fields\n    mode: re\n    fields: ['Image.*']\n  loaded:\n    type: include_fields\n    fields: [ImageLoaded]\nfield_name_cond_expr: img and not loaded";
    expect(prefixed(expr)).toEqual({ selection: { and: ['x.Image', 'ImageLoaded', 'User'] }, keywords: null });
  });
});
