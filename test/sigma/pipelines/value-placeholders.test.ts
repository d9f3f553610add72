import { applyPipelines } from '../../../src/sigma/pipelines';
import { pipeline, ruleWith } from './pipeline-factory';

const rule = ruleWith("selection:\n    User|expand: '%admins%'\ncondition: selection");

describe('sigma pipelines: value_placeholders', () => {
  it('provides every var as a placeholder when neither include nor exclude is given', () => {
    const p = pipeline(`
      vars:
        admins: [alice, bob]
        port: 22
      transformations:
        - type: value_placeholders
    `);
    expect(applyPipelines(rule, [p]).placeholders).toEqual(new Map<string, unknown>([['admins', ['alice', 'bob']], ['port', [22]]]));
  });

  it('provides only the included names when include is given, and all but the excluded ones with exclude', () => {
    const vars = 'vars:\n  admins: [alice]\n  hosts: [web1]\n';
    const included = pipeline(`${vars}transformations:\n  - type: value_placeholders\n    include: [admins]`);
    const excluded = pipeline(`${vars}transformations:\n  - type: value_placeholders\n    exclude: [admins]`);
    expect([...applyPipelines(rule, [included]).placeholders.keys()]).toEqual(['admins']);
    expect([...applyPipelines(rule, [excluded]).placeholders.keys()]).toEqual(['hosts']);
  });

  it("uses a later pipeline's vars for the same name, and vars from a pipeline without the transformation", () => {
    const generic = pipeline('name: generic\npriority: 10\nvars:\n  admins: [generic]\ntransformations:\n  - type: value_placeholders');
    const site = pipeline('name: site\npriority: 20\nvars:\n  admins: [alice, bob]');
    expect(applyPipelines(rule, [site, generic]).placeholders.get('admins')).toEqual(['alice', 'bob']);
  });

  it('provides nothing when the rule conditions do not match', () => {
    const p = pipeline('vars:\n  admins: [a]\ntransformations:\n  - type: value_placeholders\n    rule_conditions:\n      - type: logsource\n        product: windows');
    expect(applyPipelines(rule, [p]).placeholders.size).toBe(0);
  });
});
