import { join } from 'node:path';
import { compileRuleSources, RuleSet } from '../../../src/sigma';
import { applyPipelines, loadPipelineFile } from '../../../src/sigma/pipelines';
import { dedent, FIXTURES, fieldsOf, pipeline, ruleWith, snapshot } from './pipeline-factory';

const rule = ruleWith("selection:\n    Image: a\n    User|expand: '%admins%'\nfilter:\n    EventID: 1\ncondition: selection and not filter", 'category: process_creation\nproduct: windows');

const suffix = (name: string, priority: number): ReturnType<typeof pipeline> =>
  pipeline(`name: ${name}\npriority: ${priority}\ntransformations:\n  - type: field_name_suffix\n    suffix: .${name}\n    field_name_conditions:\n      - type: exclude_fields\n        fields: [EventID]`);

describe('sigma pipelines: applying pipelines', () => {
  it('applies pipelines lowest priority first whatever order they are given in', () => {
    const out = applyPipelines(rule, [suffix('late', 20), suffix('early', 10)]).rule;
    expect(fieldsOf(out)['selection']).toEqual({ and: ['Image.early.late', 'User.early.late'] });
  });

  it('keeps the given order among pipelines of equal priority', () => {
    const out = applyPipelines(rule, [suffix('b', 5), suffix('a', 5)]).rule;
    expect(fieldsOf(out)['selection']).toEqual({ and: ['Image.b.a', 'User.b.a'] });
  });

  it('never mutates the input rule when every kind of transformation applies', () => {
    const before = snapshot(rule);
    const everything = pipeline(`
      vars:
        admins: [alice]
      transformations:
        - type: field_name_mapping
          mapping: {Image: [process.executable, process.name]}
        - type: field_name_prefix_mapping
          mapping: {User: user.}
        - type: field_name_prefix
          prefix: x.
        - type: field_name_suffix
          suffix: .y
        - type: add_condition
          conditions: {event.module: sysmon}
        - type: change_logsource
          product: linux
        - type: value_placeholders
        - type: drop_detection_item
          field_name_conditions:
            - type: include_fields
              fields: [x.EventID.y]
        - type: detection_item_failure
          message: x
          detection_item_conditions:
            - type: match_value
              value: nothing-matches
    `);
    const result = applyPipelines(rule, [everything]);
    expect(result.problems).toEqual([]);
    expect(result.rule).not.toBe(rule);
    expect(snapshot(rule)).toEqual(before);
    expect(result.rule.conditions.map((c) => c.text)).toEqual(['selection and _cond_1']);
  });

  it('returns the input rule itself when no pipeline applies', () => {
    const result = applyPipelines(rule, []);
    expect(result).toEqual({ rule, placeholders: new Map(), problems: [] });
  });

  it('maps SigmaHQ CloudTrail fields onto aws.cloudtrail.* so the rule matches normalized events', async () => {
    const cloudtrail = await loadPipelineFile(join(FIXTURES, 'aws-cloudtrail.yml'));
    const text = dedent(`
      title: AWS Root Console Login Without MFA
      id: 7b1c5e0a-2f4d-4c8e-9a61-3d5b2f0e8c11
      status: test
      logsource:
          product: aws
          service: cloudtrail
      detection:
          selection:
              eventSource: signin.amazonaws.com
              eventName: ConsoleLogin
              userIdentity.type: Root
              additionalEventData.MFAUsed: 'No'
          filter_failed:
              responseElements.ConsoleLogin: Failure
          condition: selection and not filter_failed
      level: high
    `);
    const collection = compileRuleSources([{ file: 'aws_root_login.yml', text }], { pipelines: [cloudtrail] });
    expect(collection.problems).toEqual([]);
    const rules = new RuleSet(collection.rules);
    const record = {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' },
      additionalEventData: { MFAUsed: 'No' },
      responseElements: { ConsoleLogin: 'Success' },
    };
    expect(rules.evaluate({ 'aws': { cloudtrail: record }, '@timestamp': '2026-01-01T00:00:00Z' })).toHaveLength(1);
    expect(rules.evaluate(record)).toHaveLength(0);
    expect(rules.evaluate({ aws: { cloudtrail: { ...record, responseElements: { ConsoleLogin: 'Failure' } } } })).toHaveLength(0);
  });

  it('rejects rules of other AWS services with the pipeline message at the rule line', async () => {
    const cloudtrail = await loadPipelineFile(join(FIXTURES, 'aws-cloudtrail.yml'));
    const guardduty = ruleWith('selection:\n    type: Recon:EC2/PortProbeUnprotectedPort\ncondition: selection', 'product: aws\nservice: guardduty');
    const result = applyPipelines(guardduty, [cloudtrail]);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'rules/test-rule.yml', line: 1, message: expect.stringMatching(/^only CloudTrail is normalized for product aws; .*aws-cloudtrail\.yml:15\)$/) }),
    ]);
  });

  it('fills expand placeholders from value_placeholders vars when the rule is compiled', async () => {
    const placeholders = await loadPipelineFile(join(FIXTURES, 'placeholders.yml'));
    const text = dedent(`
      title: Admin activity
      logsource:
          product: test
      detection:
          selection:
              user.name|expand: '%admins%'
          condition: selection
    `);
    const without = compileRuleSources([{ file: 'admins.yml', text }]);
    expect(without.problems[0]?.message).toMatch(/placeholder %admins% has no value/);
    const collection = compileRuleSources([{ file: 'admins.yml', text }], { pipelines: [placeholders] });
    expect(collection.problems).toEqual([]);
    const rules = new RuleSet(collection.rules);
    expect(rules.evaluate({ user: { name: 'bob' } })).toHaveLength(1);
    expect(rules.evaluate({ user: { name: 'mallory' } })).toHaveLength(0);
  });
});
