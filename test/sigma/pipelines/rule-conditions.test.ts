import { applyPipelines } from '../../../src/sigma/pipelines';
import { fieldsOf, pipeline, ruleWith } from './pipeline-factory';

const detection = `
  selection:
      eventName: ConsoleLogin
  condition: selection
`;
const cloudtrail = ruleWith(detection, 'product: aws\nservice: cloudtrail', 'level: high\nstatus: test\ndate: 2024-03-01\ntags:\n    - attack.t1078\n');
const guardduty = ruleWith(detection, 'product: aws\nservice: guardduty', 'level: low\n');

/** Whether the pipeline's single prefix transformation renamed the rule's field. */
function applied(rulePipeline: string, rule = cloudtrail): boolean {
  const p = pipeline(`
    transformations:
      - type: field_name_prefix
        prefix: x.
${rulePipeline.replace(/^/gm, '        ')}
  `);
  return fieldsOf(applyPipelines(rule, [p]).rule)['selection'] === 'x.eventName';
}

describe('sigma pipelines: rule conditions', () => {
  it('applies a transformation when every field of a logsource condition equals the rule log source', () => {
    const cond = 'rule_conditions:\n  - type: logsource\n    product: aws\n    service: cloudtrail';
    expect(applied(cond)).toBe(true);
    expect(applied(cond, guardduty)).toBe(false);
  });

  it('treats logsource fields the condition does not set as matching anything', () => {
    expect(applied('rule_conditions:\n  - type: logsource\n    product: aws', guardduty)).toBe(true);
    expect(applied('rule_conditions:\n  - type: logsource\n    category: process_creation')).toBe(false);
  });

  it('requires every condition by default and any condition when rule_cond_op is or', () => {
    const conds = 'rule_conditions:\n  - type: logsource\n    service: cloudtrail\n  - type: logsource\n    service: guardduty';
    expect(applied(conds)).toBe(false);
    expect(applied(`${conds}\nrule_cond_op: or`)).toBe(true);
  });

  it('inverts the result when rule_cond_not is true', () => {
    const cond = 'rule_conditions:\n  - type: logsource\n    service: cloudtrail\nrule_cond_not: true';
    expect(applied(cond)).toBe(false);
    expect(applied(cond, guardduty)).toBe(true);
  });

  it('evaluates rule_cond_expr over conditions named by id when they are given as a map', () => {
    const expr = 'rule_conditions:\n  aws:\n    type: logsource\n    product: aws\n  ct:\n    type: logsource\n    service: cloudtrail\nrule_cond_expr: aws and not ct';
    expect(applied(expr)).toBe(false);
    expect(applied(expr, guardduty)).toBe(true);
  });

  it('matches a tag condition only when the rule carries that tag', () => {
    expect(applied('rule_conditions:\n  - type: tag\n    tag: attack.t1078')).toBe(true);
    expect(applied('rule_conditions:\n  - type: tag\n    tag: attack.t1078', guardduty)).toBe(false);
  });

  it('orders levels, statuses and dates when rule_attribute compares them', () => {
    expect(applied('rule_conditions:\n  - type: rule_attribute\n    attribute: level\n    value: medium\n    op: gte')).toBe(true);
    expect(applied('rule_conditions:\n  - type: rule_attribute\n    attribute: level\n    value: medium\n    op: gte', guardduty)).toBe(false);
    expect(applied('rule_conditions:\n  - type: rule_attribute\n    attribute: status\n    value: stable\n    op: lt')).toBe(true);
    expect(applied('rule_conditions:\n  - type: rule_attribute\n    attribute: date\n    value: 2024-01-01\n    op: gt')).toBe(true);
  });

  it('tests list membership with in and never matches a missing attribute when rule_attribute is used', () => {
    expect(applied('rule_conditions:\n  - type: rule_attribute\n    attribute: tags\n    value: attack.t1078\n    op: in')).toBe(true);
    expect(applied('rule_conditions:\n  - type: rule_attribute\n    attribute: author\n    value: someone')).toBe(false);
  });

  it('evaluates rule conditions against the rule as transformed by earlier items', () => {
    const p = pipeline(`
      transformations:
        - type: change_logsource
          product: aws
          service: guardduty
        - type: field_name_prefix
          prefix: x.
          rule_conditions:
            - type: logsource
              service: guardduty
    `);
    expect(fieldsOf(applyPipelines(cloudtrail, [p]).rule)['selection']).toBe('x.eventName');
  });
});
