import { applyPipelines } from '../../../src/sigma/pipelines';
import { fieldsOf, pipeline, ruleWith } from './pipeline-factory';

const dropEventId = pipeline(`
  transformations:
    - type: drop_detection_item
      field_name_conditions:
        - type: include_fields
          fields: [EventID]
`);

describe('sigma pipelines: drop_detection_item', () => {
  it('removes only the items that pass the field-name conditions', () => {
    const rule = ruleWith('selection:\n    EventID: 4688\n    Image: a\ncondition: selection');
    const out = applyPipelines(rule, [dropEventId]);
    expect(fieldsOf(out.rule)).toEqual({ selection: { and: ['Image'] } });
    expect(out.problems).toEqual([]);
  });

  it('returns the rule unchanged when no item passes the conditions', () => {
    const rule = ruleWith('selection:\n    Image: a\ncondition: selection');
    expect(applyPipelines(rule, [dropEventId]).rule).toBe(rule);
  });

  it('drops an emptied identifier from and, or and not in the condition, as pySigma does', () => {
    const rule = ruleWith('sel1:\n    EventID: 1\nsel2:\n    Image: a\nfilter:\n    EventID: 2\ncondition: (sel1 or sel2) and not filter');
    const out = applyPipelines(rule, [dropEventId]).rule;
    expect([...out.detections.keys()]).toEqual(['sel2']);
    expect(out.conditions.map((c) => c.text)).toEqual(['sel2']);
    expect(out.conditions[0]?.ast).toEqual({ type: 'identifier', name: 'sel2', column: 10 });
  });

  it('keeps a quantifier while any identifier it selected remains', () => {
    const rule = ruleWith('sel_a:\n    EventID: 1\nsel_b:\n    Image: a\ncondition: 1 of sel_*');
    const out = applyPipelines(rule, [dropEventId]).rule;
    expect(out.conditions[0]?.text).toBe('1 of sel_*');
    expect([...out.detections.keys()]).toEqual(['sel_b']);
  });

  it('reports a problem at the condition when every identifier it uses is emptied', () => {
    const rule = ruleWith('selection:\n    EventID: 1\ncondition: selection');
    const out = applyPipelines(rule, [dropEventId]);
    expect(out.rule).toBe(rule);
    expect(out.problems).toEqual([
      expect.objectContaining({ file: 'rules/test-rule.yml', line: 7, field: 'detection.condition', message: expect.stringMatching(/emptied every search identifier .*selection.*could never match/) }),
    ]);
  });
});
