import { join } from 'node:path';
import { loadPipelineFile, parsePipeline } from '../../../src/sigma/pipelines';
import type { RuleProblem } from '../../../src/sigma/problems';
import { SigmaRuleError } from '../../../src/sigma/problems';
import { dedent, FIXTURES } from './pipeline-factory';

function problemsOf(yaml: string): RuleProblem[] {
  const result = parsePipeline(dedent(yaml), 'p.yml');
  expect(result.pipeline).toBeUndefined();
  return result.problems;
}

async function loadError(name: string): Promise<SigmaRuleError> {
  const error: unknown = await loadPipelineFile(join(FIXTURES, name)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SigmaRuleError);
  return error as SigmaRuleError;
}

describe('sigma pipelines: parsing pipeline files', () => {
  it('loads name, priority, vars and items when the file is valid', async () => {
    const p = await loadPipelineFile(join(FIXTURES, 'placeholders.yml'));
    expect(p).toMatchObject({ name: 'placeholders', priority: 30, file: join(FIXTURES, 'placeholders.yml') });
    expect(p.vars).toEqual(new Map<string, unknown>([['admins', ['alice', 'bob']], ['break_glass', ['root-admin']]]));
    expect(p.items.map((i) => [i.id, i.type, i.line])).toEqual([['admin_placeholders', 'value_placeholders', 9]]);
  });

  it('defaults the name to the file name and the priority to 0 when they are absent', () => {
    const { pipeline } = parsePipeline('transformations: []\n', 'pipelines/windows-sysmon.yml');
    expect(pipeline).toMatchObject({ name: 'windows-sysmon', priority: 0, items: [] });
  });

  it('reports an unknown transformation type with file, line and field and lists the supported ones', async () => {
    const error = await loadError('invalid-unknown-type.yml');
    expect(error.problems).toEqual([
      {
        file: join(FIXTURES, 'invalid-unknown-type.yml'),
        line: 7,
        field: 'transformations[1].type',
        message: expect.stringMatching(/^unknown transformation type 'field_name_mapper'; supported: field_name_mapping, .*rule_failure/),
      },
    ]);
  });

  it('says a pySigma transformation type is not supported rather than unknown', () => {
    const problems = problemsOf('transformations:\n  - type: replace_string\n    regex: a\n    replacement: b');
    expect(problems).toEqual([expect.objectContaining({ line: 2, field: 'transformations[0].type', message: expect.stringMatching(/^pySigma transformation type 'replace_string' is not supported here; supported: /) })]);
  });

  it('reports a mapping of the wrong type at its line', async () => {
    const error = await loadError('invalid-mapping-type.yml');
    expect(error.problems).toEqual([
      { file: join(FIXTURES, 'invalid-mapping-type.yml'), line: 5, field: 'transformations[0].mapping', message: expect.stringMatching(/must be a map of field name/) },
    ]);
  });

  it('reports a rule_cond_expr that names an unknown condition id', async () => {
    const error = await loadError('invalid-cond-expr.yml');
    expect(error.problems).toContainEqual({
      file: join(FIXTURES, 'invalid-cond-expr.yml'),
      line: 13,
      field: 'transformations[0].rule_cond_expr',
      message: "names unknown condition 'sysmn' at column 13 (defined: win, sysmon)",
    });
    expect(error.message).toMatch(/invalid-cond-expr\.yml:13: transformations\[0\]\.rule_cond_expr: names unknown condition 'sysmn'/);
  });

  it('reports a missing type and unknown keys of a transformation', () => {
    const problems = problemsOf(`
      transformations:
        - prefix: x.
        - type: field_name_prefix
          prefix: x.
          rule_condition: []
    `);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'transformations[0].type', expect.stringMatching(/^is required: the transformation type, one of: field_name_mapping/)],
      [5, 'transformations[1].rule_condition', 'unknown field'],
    ]);
  });

  it('reports a bad condition inside a map of conditions at its own path', () => {
    const problems = problemsOf(`
      transformations:
        - type: field_name_prefix
          prefix: x.
          rule_conditions:
            ok:
              type: logsource
              product: aws
            bad:
              type: logsauce
          rule_cond_expr: ok or bad
    `);
    expect(problems).toEqual([expect.objectContaining({ line: 9, field: 'transformations[0].rule_conditions.bad.type', message: expect.stringMatching(/unknown rule condition type 'logsauce'/) })]);
  });

  it('reports rule_cond_expr used with a list, with rule_cond_op, or leaving a condition unused', () => {
    const base = 'transformations:\n  - type: field_name_prefix\n    prefix: x.\n';
    const asList = problemsOf(`${base}    rule_conditions:\n      - type: logsource\n        product: aws\n    rule_cond_expr: a`);
    expect(asList.map((p) => p.message)).toEqual([expect.stringMatching(/needs rule_conditions given as a map/)]);
    const withOp = problemsOf(`${base}    rule_conditions:\n      a:\n        type: tag\n        tag: attack.t1\n      b:\n        type: tag\n        tag: attack.t2\n    rule_cond_op: or\n    rule_cond_expr: a`);
    expect(withOp.map((p) => [p.field, p.message])).toEqual([
      ['transformations[0].rule_cond_op', expect.stringMatching(/cannot be combined with rule_cond_expr/)],
      ['transformations[0].rule_cond_expr', "does not use condition 'b'"],
    ]);
  });

  it('reports an invalid regular expression in a field name condition', () => {
    const problems = problemsOf(`
      transformations:
        - type: field_name_prefix
          prefix: x.
          field_name_conditions:
            - type: include_fields
              mode: re
              fields: ['Image', '(unclosed']
    `);
    expect(problems).toEqual([expect.objectContaining({ line: 7, field: 'transformations[0].field_name_conditions[0].fields[1]', message: expect.stringMatching(/invalid regular expression/) })]);
  });

  it('reports field-name conditions on a transformation that acts on the whole rule', () => {
    const problems = problemsOf(`
      transformations:
        - type: rule_failure
          message: no
          field_name_conditions:
            - type: include_fields
              fields: [a]
    `);
    expect(problems).toEqual([expect.objectContaining({ line: 4, field: 'transformations[0].field_name_conditions', message: expect.stringMatching(/use rule_conditions/) })]);
  });

  it('reports an add_condition selection that is not a valid search identifier against the pipeline file', () => {
    const problems = problemsOf(`
      transformations:
        - type: add_condition
          conditions:
            Image|contians: x
    `);
    expect(problems).toEqual([expect.objectContaining({ file: 'p.yml', line: 4, field: 'transformations[0].conditions.Image|contians', message: "unknown modifier 'contians' (did you mean 'contains'?)" })]);
  });

  it('reports vars that are neither scalars nor lists, non-integer priorities and postprocessing', () => {
    const problems = problemsOf(`
      priority: 1.5
      vars:
        nested: {a: 1}
      postprocessing:
        - type: query_template
    `);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'priority'],
      [3, 'vars.nested'],
      [4, 'postprocessing'],
    ]);
  });

  it('reports YAML syntax errors and files with several documents', () => {
    expect(problemsOf('transformations: [\n')[0]).toMatchObject({ file: 'p.yml', line: expect.any(Number) });
    expect(problemsOf('name: a\n---\nname: b\n')[0]).toMatchObject({ line: 3, message: 'a pipeline file holds one YAML document, found 2' });
  });

  it('wraps an unreadable file in a SigmaRuleError', async () => {
    const error = await loadError('does-not-exist.yml');
    expect(error.problems[0]?.message).toMatch(/^cannot read processing pipeline: ENOENT/);
  });
});
