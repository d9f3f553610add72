import { applyPipelines } from '../../../src/sigma/pipelines';
import { pipeline, ruleWith } from './pipeline-factory';

const rule = ruleWith('selection:\n    Image: a\ncondition: selection', 'category: process_creation\nproduct: windows\ndefinition: Sysmon config');

describe('sigma pipelines: change_logsource', () => {
  it('replaces the log source with exactly the given fields when it applies', () => {
    const p = pipeline(`
      transformations:
        - type: change_logsource
          product: windows
          service: sysmon
          rule_conditions:
            - type: logsource
              category: process_creation
    `);
    const out = applyPipelines(rule, [p]).rule;
    expect(out.logsource).toEqual({ product: 'windows', service: 'sysmon' });
    expect(out.document.logsource).toEqual(rule.document.logsource);
  });

  it('keeps the log source when the rule conditions do not match', () => {
    const p = pipeline(`
      transformations:
        - type: change_logsource
          service: sysmon
          rule_conditions:
            - type: logsource
              category: network_connection
    `);
    expect(applyPipelines(rule, [p]).rule.logsource).toBe(rule.logsource);
  });
});
