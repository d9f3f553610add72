import path from 'node:path';
import { dedent } from '../sigma/rule-helpers';
import { run, tempTree } from './cli-io';

const GOOD = dedent(`
  title: Access key created for another user
  id: 3c6d5c1e-7a0b-4f3e-9b2d-1a2b3c4d5e6f
  logsource:
      product: aws
      service: cloudtrail
  detection:
      selection:
          eventName: CreateAccessKey
      filter_self:
          requestParameters.userName|fieldref: userIdentity.userName
      condition: selection and not filter_self
  level: medium
`);

const BAD = dedent(`
  title: Broken rule
  id: 3c6d5c1e-7a0b-4f3e-9b2d-1a2b3c4d5e70
  level: urgent
  logsource:
      product: aws
  detection:
      selection:
          eventName|contians: Delete
      condition: selection or missing
`);

describe('cli: rules validate', () => {
  it('exits 0 and reports counts when every rule is valid', async () => {
    const dir = tempTree({ 'rules/aws/good.yml': GOOD });
    const result = await run(['rules', 'validate', dir]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe('1 file(s): 1 valid, 0 invalid, 0 problem(s)\n');
  });

  it('lists every problem with file, line and field, and exits 1', async () => {
    const dir = tempTree({ 'good.yml': GOOD, 'bad.yml': BAD });
    const result = await run(['rules', 'validate', dir]);
    const bad = path.join(dir, 'bad.yml');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `${bad}:3: level: must be one of: informational, low, medium, high, critical`,
      `${bad}:8: detection.selection.eventName|contians: unknown modifier 'contians' (did you mean 'contains'?)`,
      `${bad}:9: detection.condition: condition references undefined search identifier 'missing' at column 14 (defined: selection)`,
      '2 file(s): 1 valid, 1 invalid, 3 problem(s)',
      '',
    ]);
  });

  it('prints one JSON object with --json', async () => {
    const dir = tempTree({ 'good.yml': GOOD, 'bad.yml': BAD });
    const result = await run(['rules', 'validate', '--json', dir]);
    const report = JSON.parse(result.stdout) as { files: number; valid: number; invalid: number; errors: { file: string; line: number; field: string; message: string }[] };
    expect(report).toMatchObject({ files: 2, valid: 1, invalid: 1 });
    expect(report.errors[0]).toEqual({ file: path.join(dir, 'bad.yml'), line: 3, field: 'level', message: 'must be one of: informational, low, medium, high, critical' });
  });

  it('with pipelines, rejects a rule for a Logwarden log source that reads a field nothing has; without, validates Sigma only', async () => {
    const pipeline = 'name: lw\npriority: 10\ntransformations:\n  - type: field_name_prefix\n    prefix: aws.cloudtrail.\n    rule_conditions:\n      - type: logsource\n        product: aws\n        service: cloudtrail\n';
    const lambdaRule = GOOD.replace('service: cloudtrail', 'service: lambda');
    const dir = tempTree({ 'd/pipelines/lw.yml': pipeline, 'd/rules/key.yml': lambdaRule, 'plain/key.yml': lambdaRule, 'ok/pipelines/lw.yml': pipeline, 'ok/rules/key.yml': GOOD });
    const checked = await run(['rules', 'validate', path.join(dir, 'd')]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`${path.join(dir, 'd/rules/key.yml')}:8: detection.selection.eventName: field 'eventName' is not mapped by any pipeline and no lambda event has it`);
    expect(checked.stdout).toContain("field 'requestParameters.userName'");
    expect((await run(['rules', 'validate', path.join(dir, 'plain')])).code).toBe(0);
    expect((await run(['rules', 'validate', path.join(dir, 'ok')])).code).toBe(0);
  });

  it('fails clearly on a missing path', async () => {
    const result = await run(['rules', 'validate', '/nonexistent/rules']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ENOENT/);
  });
});

describe('cli: rules test', () => {
  const TESTS = dedent(`
    - name: user creates a key for someone else
      match: true
      selections: [selection]
      event:
          eventName: CreateAccessKey
          userIdentity: { userName: alice }
          requestParameters: { userName: bob }
    - name: user rotates their own key
      match: false
      event:
          eventName: CreateAccessKey
          userIdentity: { userName: alice }
          requestParameters: { userName: alice }
  `);

  it('passes when every case behaves as expected', async () => {
    const dir = tempTree({ 'r/key.yml': GOOD, 'r/key.tests.yml': TESTS });
    const result = await run(['rules', 'test', dir]);
    expect(result.stdout).toBe('1 test file(s), 2 case(s): 2 passed, 0 failed\n');
    expect(result.code).toBe(0);
  });

  it('fails with the case name and line when a case does not hold', async () => {
    const wrong = TESTS.replace('match: false', 'match: true');
    const dir = tempTree({ 'r/key.yml': GOOD, 'r/key.tests.yml': wrong });
    const result = await run(['rules', 'test', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL ${path.join(dir, 'r/key.tests.yml')}:8: user rotates their own key: expected a match, got none`);
    expect(result.stdout).toContain('2 case(s): 1 passed, 1 failed');
  });

  it('checks the expected selections', async () => {
    const wrong = TESTS.replace('selections: [selection]', 'selections: [filter_self]');
    const dir = tempTree({ 'r/key.yml': GOOD, 'r/key.tests.yml': wrong });
    const result = await run(['rules', 'test', dir]);
    expect(result.stdout).toContain('expected selections [filter_self], got [selection]');
    expect(result.code).toBe(1);
  });

  it('rejects a malformed tests file with line and field', async () => {
    const dir = tempTree({ 'r/key.yml': GOOD, 'r/key.tests.yml': '- name: x\n  match: maybe\n  event: {}\n' });
    const result = await run(['rules', 'test', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${path.join(dir, 'r/key.tests.yml')}:2: [0].match: must be true (the event must match) or false (it must not)`);
  });

  it('fails on a rule without tests only with --require-tests', async () => {
    const dir = tempTree({ 'r/key.yml': GOOD });
    expect((await run(['rules', 'test', dir])).code).toBe(0);
    const strict = await run(['rules', 'test', '--require-tests', dir]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('MISSING');
  });

  it('with --require-tests, fails a rule whose cases never expect a non-match', async () => {
    const onlyMatches = TESTS.split('- name: user rotates')[0] ?? '';
    const dir = tempTree({ 'r/key.yml': GOOD, 'r/key.tests.yml': onlyMatches });
    expect((await run(['rules', 'test', dir])).code).toBe(0);
    const strict = await run(['rules', 'test', '--require-tests', dir]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`MISSING ${path.join(dir, 'r/key.yml')}: 'Access key created for another user' has no case that must not match`);
  });
});

describe('cli: rules test with raw log lines', () => {
  const RULE = dedent(`
    title: Function Timed Out
    id: 0b6c1f57-3c1e-4a55-9a55-2f0c3e1d7a10
    logsource:
        product: aws
        service: lambda
    detection:
        selection:
            aws.lambda.status: timeout
        condition: selection
    level: low
  `);
  const PIPELINE = dedent(`
    name: source
    priority: 10
    transformations:
      - type: add_condition
        conditions:
          logwarden.source: lambda
        rule_conditions:
          - type: logsource
            product: aws
            service: lambda
  `);
  const timeoutLine = (group: string): string => dedent(`
    - name: platform timeout line
      match: true
      log:
          group: ${group}
          line: "2026-01-15T10:00:03.000Z 8f5c1d2e-1111-4a3b-9c8d-000000000001 Task timed out after 3.00 seconds"
    - name: application line
      match: false
      log:
          group: ${group}
          line: "2026-01-15T10:00:03.000Z\t8f5c1d2e-1111-4a3b-9c8d-000000000001\tINFO\tall good"
  `);

  it('normalizes the line as if from the log group, then evaluates the rule on the result', async () => {
    const dir = tempTree({ 'd/pipelines/source.yml': PIPELINE, 'd/rules/timeout.yml': RULE, 'd/rules/timeout.tests.yml': timeoutLine('/aws/lambda/orders-api') });
    const result = await run(['rules', 'test', '--require-tests', path.join(dir, 'd')]);
    expect(result.stdout).toBe('1 test file(s), 2 case(s): 2 passed, 0 failed\n');
    expect(result.code).toBe(0);
  });

  it('decides the log source from the log group, as the pipeline does', async () => {
    const dir = tempTree({ 'd/pipelines/source.yml': PIPELINE, 'd/rules/timeout.yml': RULE, 'd/rules/timeout.tests.yml': timeoutLine('/ecs/orders-api') });
    const result = await run(['rules', 'test', path.join(dir, 'd')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('platform timeout line: expected a match, got none');
  });

  it('loads a single rule file with the pipelines of the detections folder it is in', async () => {
    const keywordRule = RULE.replace('selection:\n        aws.lambda.status: timeout\n    condition: selection', "keywords:\n        - 'Task timed out'\n    condition: keywords");
    const cases = "- name: in a function's log\n  match: true\n  log: { group: /aws/lambda/f, line: 'Task timed out after 3.00 seconds' }\n- name: in another log group\n  match: false\n  log: { group: /ecs/f, line: 'Task timed out after 3.00 seconds' }\n";
    const unrelated = PIPELINE.replace('logwarden.source: lambda', 'logwarden.parser: x').replace('service: lambda', 'service: other');
    const dir = tempTree({ 'd/pipelines/source.yml': PIPELINE, 'd/rules/aws/timeout.yml': keywordRule, 'd/rules/aws/timeout.tests.yml': cases, 'unrelated.yml': unrelated });
    const result = await run(['rules', 'test', path.join(dir, 'd/rules/aws/timeout.yml')]);
    expect(result.stdout).toBe('1 test file(s), 2 case(s): 2 passed, 0 failed\n');
    // --pipeline replaces the folder's pipelines: then nothing restricts the rule to Lambda logs.
    const withoutPipeline = await run(['rules', 'test', '--pipeline', path.join(dir, 'unrelated.yml'), path.join(dir, 'd/rules/aws/timeout.yml')]);
    expect(withoutPipeline.stdout).toContain('in another log group: expected no match');
    expect(withoutPipeline.code).toBe(1);
  });

  it('rejects a case with both an event and a log, with line and field', async () => {
    const both = '- name: x\n  match: true\n  event: {}\n  log: { group: /aws/lambda/f, line: y }\n';
    const dir = tempTree({ 'r/timeout.yml': RULE, 'r/timeout.tests.yml': both });
    const result = await run(['rules', 'test', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('needs exactly one of event (as the detector sees it) or log (a raw line to normalize)');
  });
});
