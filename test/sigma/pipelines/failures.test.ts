import { applyPipelines } from '../../../src/sigma/pipelines';
import { pipeline, ruleWith } from './pipeline-factory';

const rule = ruleWith('selection:\n    Image: a\n    Hashes|contains: abc\ncondition: selection', 'product: windows\nservice: sysmon');

describe('sigma pipelines: rule_failure and detection_item_failure', () => {
  it('reports the message against the rule when rule_failure applies', () => {
    const p = pipeline(`
      name: windows-unsupported
      transformations:
        - id: no_windows
          type: rule_failure
          message: Windows rules are not supported
          rule_conditions:
            - type: logsource
              product: windows
    `);
    expect(applyPipelines(rule, [p]).problems).toEqual([
      {
        file: 'rules/test-rule.yml',
        line: 1,
        field: '',
        message: "Windows rules are not supported (processing pipeline 'windows-unsupported', transformation 'no_windows' at pipelines/test.yml:3)",
      },
    ]);
  });

  it('reports nothing when rule_failure rule conditions do not match', () => {
    const p = pipeline('transformations:\n  - type: rule_failure\n    message: no\n    rule_conditions:\n      - type: logsource\n        product: linux');
    expect(applyPipelines(rule, [p]).problems).toEqual([]);
  });

  it('reports each matching item at its own line when detection_item_failure applies', () => {
    const p = pipeline(`
      transformations:
        - type: detection_item_failure
          message: the Hashes field is not normalized
          field_name_conditions:
            - type: include_fields
              fields: [Hashes]
    `);
    const problems = applyPipelines(rule, [p]).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 8, field: 'detection.selection.Hashes|contains', message: expect.stringMatching(/^the Hashes field is not normalized \(/) });
  });

  it('reports nothing when no item passes the detection_item_failure conditions', () => {
    const p = pipeline('transformations:\n  - type: detection_item_failure\n    message: no\n    field_name_conditions:\n      - type: include_fields\n        fields: [CommandLine]');
    expect(applyPipelines(rule, [p]).problems).toEqual([]);
  });
});
