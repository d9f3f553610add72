import { identifiersMatching } from '../../../src/sigma/condition/parse-condition';
import { applyPipelines } from '../../../src/sigma/pipelines';
import { pipeline, ruleWith } from './pipeline-factory';

const rule = ruleWith(
  `
  selection:
      eventName: ConsoleLogin
  filter:
      userIdentity.type: AssumedRole
  condition: selection and not filter
  `,
  'product: aws\nservice: cloudtrail',
);

describe('sigma pipelines: add_condition', () => {
  it('adds a _-prefixed search identifier and ANDs it onto every condition when it applies', () => {
    const p = pipeline(`
      transformations:
        - id: iam
          type: add_condition
          conditions:
            eventSource: iam.amazonaws.com
            errorCode|contains: [Denied, Unauthorized]
    `);
    const out = applyPipelines(rule, [p]).rule;
    expect(out.detections.get('_cond_iam')).toMatchObject({
      kind: 'and',
      children: [
        { field: 'eventSource', modifiers: [], values: ['iam.amazonaws.com'] },
        { field: 'errorCode', modifiers: ['contains'], values: ['Denied', 'Unauthorized'] },
      ],
    });
    expect(out.conditions[0]?.ast).toEqual({ type: 'and', operands: [rule.conditions[0]?.ast, { type: 'identifier', name: '_cond_iam', column: 0 }] });
    expect(out.conditions[0]?.text).toBe('(selection and not filter) and _cond_iam');
    expect(identifiersMatching('them', out.detections.keys())).toEqual(['selection', 'filter']);
  });

  it('adds the identifier negated when negated is true', () => {
    const p = pipeline(`
      transformations:
        - type: add_condition
          negated: true
          conditions:
            eventSource: sts.amazonaws.com
    `);
    const out = applyPipelines(rule, [p]).rule;
    expect(out.conditions[0]?.ast).toMatchObject({ type: 'and', operands: [{}, { type: 'not', operand: { type: 'identifier', name: '_cond_1' } }] });
  });

  it('fills $category, $product and $service from the rule log source when template is true', () => {
    const p = pipeline(`
      transformations:
        - type: add_condition
          name: _source
          template: true
          conditions:
            event.module: $product
            event.dataset: '\${product}.$service'
    `);
    expect(applyPipelines(rule, [p]).rule.detections.get('_source')).toMatchObject({ children: [{ values: ['aws'] }, { values: ['aws.cloudtrail'] }] });
  });

  it('reports a problem when a template names a log source field the rule does not set', () => {
    const p = pipeline(`
      transformations:
        - type: add_condition
          template: true
          conditions:
            event.category: $category
    `);
    const result = applyPipelines(rule, [p]);
    expect(result.problems).toEqual([expect.objectContaining({ file: 'rules/test-rule.yml', field: 'logsource', message: expect.stringContaining("has no category") })]);
  });

  it('leaves the rule unchanged when its rule conditions do not match', () => {
    const p = pipeline(`
      transformations:
        - type: add_condition
          conditions:
            EventID: 1
          rule_conditions:
            - type: logsource
              product: windows
    `);
    expect(applyPipelines(rule, [p]).rule).toBe(rule);
  });

  it('reports a problem when the given name is already a search identifier of the rule', () => {
    const taken = ruleWith('_extra:\n    a: 1\nselection:\n    b: 2\ncondition: selection and _extra');
    const p = pipeline(`
      transformations:
        - type: add_condition
          name: _extra
          conditions:
            c: 3
    `);
    expect(applyPipelines(taken, [p]).problems[0]?.message).toMatch(/already has a search identifier/);
  });
});
