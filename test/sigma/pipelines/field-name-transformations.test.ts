import { applyPipelines } from '../../../src/sigma/pipelines';
import { fieldsOf, pipeline, ruleWith } from './pipeline-factory';

const rule = ruleWith(
  `
  selection:
      CommandLine|contains: whoami
      Image|endswith: '\\cmd.exe'
      User: admin
  condition: selection
  `,
  'category: process_creation\nproduct: windows',
  'fields:\n    - CommandLine\n    - User\n',
);

describe('sigma pipelines: field name transformations', () => {
  it('renames a field one-to-one and keeps modifiers, values and path when field_name_mapping maps it', () => {
    const p = pipeline(`
      transformations:
        - type: field_name_mapping
          mapping:
            CommandLine: process.command_line
    `);
    const out = applyPipelines(rule, [p]).rule;
    const selection = out.detections.get('selection');
    expect(selection).toMatchObject({ kind: 'and', children: [{ field: 'process.command_line', modifiers: ['contains'], values: ['whoami'], path: ['detection', 'selection', 'CommandLine|contains'] }, {}, {}] });
  });

  it('turns the item into an OR of copies when field_name_mapping maps one field to several', () => {
    const p = pipeline(`
      transformations:
        - type: field_name_mapping
          mapping:
            Image: [process.executable, process.name]
    `);
    expect(fieldsOf(applyPipelines(rule, [p]).rule)).toEqual({
      selection: { and: ['CommandLine', { or: ['process.executable', 'process.name'] }, 'User'] },
    });
  });

  it('leaves fields alone when field_name_mapping does not name them', () => {
    const p = pipeline(`
      transformations:
        - type: field_name_mapping
          mapping:
            ParentImage: process.parent.executable
    `);
    expect(fieldsOf(applyPipelines(rule, [p]).rule)).toEqual({ selection: { and: ['CommandLine', 'Image', 'User'] } });
  });

  it('maps field names used as fieldref values when the item has the fieldref modifier', () => {
    const withRef = ruleWith(`
      selection:
          SourceUser|fieldref: TargetUser
          Note: TargetUser
      condition: selection
    `);
    const p = pipeline(`
      transformations:
        - type: field_name_mapping
          mapping:
            TargetUser: user.target.name
            SourceUser: user.name
    `);
    const out = applyPipelines(withRef, [p]).rule.detections.get('selection');
    expect(out).toMatchObject({ children: [{ field: 'user.name', values: ['user.target.name'] }, { field: 'Note', values: ['TargetUser'] }] });
  });

  it("maps the rule's fields list too when a field-name transformation applies", () => {
    const p = pipeline(`
      transformations:
        - type: field_name_prefix
          prefix: win.
    `);
    expect(applyPipelines(rule, [p]).rule.document.fields).toEqual(['win.CommandLine', 'win.User']);
  });

  it('replaces the first matching prefix when field_name_prefix_mapping names one', () => {
    const dotted = ruleWith(`
      selection:
          userIdentity.type: Root
          userIdentity.arn|contains: admin
          eventName: ConsoleLogin
      condition: selection
    `);
    const p = pipeline(`
      transformations:
        - type: field_name_prefix_mapping
          mapping:
            userIdentity.: aws.cloudtrail.user_identity.
            event: aws.event_
    `);
    expect(fieldsOf(applyPipelines(dotted, [p]).rule)).toEqual({
      selection: { and: ['aws.cloudtrail.user_identity.type', 'aws.cloudtrail.user_identity.arn', 'aws.event_Name'] },
    });
  });

  it('adds a prefix and a suffix to every field but not to keywords', () => {
    const withKeyword = ruleWith(`
      keywords: [mimikatz]
      selection:
          User: admin
      condition: keywords or selection
    `);
    const p = pipeline(`
      transformations:
        - type: field_name_prefix
          prefix: winlog.
        - type: field_name_suffix
          suffix: .keyword
    `);
    expect(fieldsOf(applyPipelines(withKeyword, [p]).rule)).toEqual({ keywords: null, selection: 'winlog.User.keyword' });
  });

  it('renames only the fields that pass field_name_conditions when they are given', () => {
    const p = pipeline(`
      transformations:
        - type: field_name_prefix
          prefix: process.
          field_name_conditions:
            - type: include_fields
              fields: [CommandLine, Image]
    `);
    expect(fieldsOf(applyPipelines(rule, [p]).rule)).toEqual({ selection: { and: ['process.CommandLine', 'process.Image', 'User'] } });
  });
});
