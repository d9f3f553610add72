import { applyPipelines } from '../../../src/sigma/pipelines';
import { fieldsOf, pipeline, ruleWith } from './pipeline-factory';

const rule = ruleWith(`
  selection:
      CommandLine: 'C:\\Windows\\System32\\whoami.exe'
      ParentImage:
          - 'D:\\tools\\a.exe'
          - 'C:\\b.exe'
      EventID: 4688
      Token: null
  condition: selection
`);

function prefixed(conditions: string): unknown {
  const p = pipeline(`
    transformations:
      - type: field_name_prefix
        prefix: x.
${conditions.replace(/^/gm, '        ')}
  `);
  return fieldsOf(applyPipelines(rule, [p]).rule)['selection'];
}

describe('sigma pipelines: detection item conditions', () => {
  it('selects items with a string value matching from the start when match_string is used', () => {
    expect(prefixed("detection_item_conditions:\n  - type: match_string\n    pattern: 'C:'")).toEqual({ and: ['x.CommandLine', 'x.ParentImage', 'EventID', 'Token'] });
    expect(prefixed("detection_item_conditions:\n  - type: match_string\n    pattern: 'Windows'")).toEqual({ and: ['CommandLine', 'ParentImage', 'EventID', 'Token'] });
  });

  it('requires every value to match when match_string has cond all', () => {
    expect(prefixed("detection_item_conditions:\n  - type: match_string\n    cond: all\n    pattern: 'C:'")).toEqual({ and: ['x.CommandLine', 'ParentImage', 'EventID', 'Token'] });
  });

  it('inverts each value test when match_string has negate true, non-strings included', () => {
    expect(prefixed("detection_item_conditions:\n  - type: match_string\n    negate: true\n    pattern: 'C:'")).toEqual({ and: ['CommandLine', 'x.ParentImage', 'x.EventID', 'x.Token'] });
  });

  it('selects null values with is_null and exact values with match_value', () => {
    expect(prefixed('detection_item_conditions:\n  - type: is_null')).toEqual({ and: ['CommandLine', 'ParentImage', 'EventID', 'x.Token'] });
    expect(prefixed('detection_item_conditions:\n  - type: match_value\n    value: 4688')).toEqual({ and: ['CommandLine', 'ParentImage', 'x.EventID', 'Token'] });
  });

  it('inverts the item conditions when detection_item_cond_not is true', () => {
    expect(prefixed('detection_item_conditions:\n  - type: is_null\ndetection_item_cond_not: true')).toEqual({ and: ['x.CommandLine', 'x.ParentImage', 'x.EventID', 'Token'] });
  });
});
