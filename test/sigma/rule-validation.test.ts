import { compileYaml, dedent } from './rule-helpers';

const VALID = dedent(`
  title: Root account console login
  id: 8f2a6d3e-3b1c-4c9e-9a5b-2f1e7d6c5b4a
  status: test
  description: Detects a console login with the root user.
  references:
      - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html
  author: Logwarden
  date: 2024-02-29
  modified: 2024-03-01
  tags:
      - attack.initial-access
      - attack.t1078.004
  logsource:
      product: aws
      service: cloudtrail
  detection:
      selection:
          eventName: ConsoleLogin
          userIdentity.type: Root
      condition: selection
  falsepositives:
      - Break-glass procedures
  level: high
  custom_attribute: kept
`);

function problemsOf(text: string): { line: number | undefined; field: string; message: string }[] {
  return compileYaml(text).problems.map(({ line, field, message }) => ({ line, field, message }));
}

describe('sigma rules: validation', () => {
  it('accepts a complete rule and keeps custom attributes', () => {
    const { rules, problems } = compileYaml(VALID);
    expect(problems).toEqual([]);
    expect(rules[0]?.title).toBe('Root account console login');
    expect(rules[0]?.document['custom_attribute']).toBe('kept');
    expect(rules[0]?.document.date).toBe('2024-02-29'); // YAML 1.2: dates stay strings
  });

  it('reports every problem of a rule with its line and field, not just the first', () => {
    const broken = VALID.replace('id: 8f2a6d3e-3b1c-4c9e-9a5b-2f1e7d6c5b4a', 'id: not-a-uuid')
      .replace('status: test', 'status: production')
      .replace('date: 2024-02-29', 'date: 2023-02-29')
      .replace('modified: 2024-03-01', 'modified: 2024/03/01')
      .replace('- attack.initial-access', '- Attack Initial Access')
      .replace('level: high', 'level: severe');
    expect(problemsOf(broken)).toEqual([
      { line: 2, field: 'id', message: 'must be a UUID (8-4-4-4-12 hexadecimal digits)' },
      { line: 3, field: 'status', message: 'must be one of: stable, test, experimental, deprecated, unsupported' },
      { line: 8, field: 'date', message: 'is not a real calendar date' },
      { line: 9, field: 'modified', message: 'must be a date written YYYY-MM-DD' },
      { line: 11, field: 'tags[0]', message: 'must be a namespaced lower-case tag such as attack.t1059 (letters, digits, _ and - only)' },
      { line: 23, field: 'level', message: 'must be one of: informational, low, medium, high, critical' },
    ]);
  });

  it('requires title, logsource and detection', () => {
    const problems = problemsOf('id: 8f2a6d3e-3b1c-4c9e-9a5b-2f1e7d6c5b4a\nstatus: test\n');
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['title: is required', 'logsource: is required', 'detection: is required']);
  });

  it('requires a condition', () => {
    const problems = problemsOf('title: t\nlogsource: {product: x}\ndetection:\n    selection:\n        a: 1\n');
    expect(problems).toEqual([{ line: 3, field: 'detection.condition', message: 'is required' }]);
  });

  it('rejects duplicate keys with their line', () => {
    const problems = problemsOf('title: a\ntitle: b\nlogsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(2);
    expect(problems[0]?.message).toMatch(/unique/);
  });

  it('rejects invalid YAML with its line', () => {
    const problems = problemsOf('title: a\nlogsource: [unclosed\ndetection:\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects wrong types', () => {
    const problems = problemsOf(VALID.replace('    - Break-glass procedures', '    - 42').replace('references:', 'references: 7\nx_references:'));
    expect(problems.map((p) => p.field)).toEqual(['references', 'falsepositives[0]']);
  });

  it('rejects duplicate tags and references', () => {
    const problems = problemsOf(VALID.replace('- attack.t1078.004', '- attack.initial-access'));
    expect(problems).toEqual([{ line: 12, field: 'tags[1]', message: 'duplicate entry "attack.initial-access"' }]);
  });

  it('rejects Sigma 1.0 leftovers', () => {
    const timeframe = problemsOf(VALID.replace('    condition: selection', '    timeframe: 5m\n    condition: selection'));
    expect(timeframe[0]?.field).toBe('detection.timeframe');
    const global = problemsOf('action: global\ntitle: x\n');
    expect(global[0]?.message).toMatch(/Sigma 1.0/);
  });

  it('rejects a document that is not a map', () => {
    expect(problemsOf('- just\n- a list\n')[0]?.message).toMatch(/must be a map/);
  });

  it('rejects an empty search identifier', () => {
    const problems = problemsOf(VALID.replace('        eventName: ConsoleLogin\n        userIdentity.type: Root\n', ''));
    expect(problems.map((p) => p.message)).toContain('search identifier is empty: give it a map of field values or a list');
  });

  it('loads every rule of a multi-document file and locates problems per document', () => {
    const second = VALID.replace('8f2a6d3e-3b1c-4c9e-9a5b-2f1e7d6c5b4a', '9f2a6d3e-3b1c-4c9e-9a5b-2f1e7d6c5b4a');
    const { rules } = compileYaml(`${VALID}---\n${second}`);
    expect(rules).toHaveLength(2);
    const problems = problemsOf(`${VALID}---\n${second.replace('level: high', 'level: x')}`);
    expect(problems).toEqual([{ line: 48, field: 'level', message: 'must be one of: informational, low, medium, high, critical' }]);
  });

  it('rejects two rules with the same id', () => {
    const problems = problemsOf(`${VALID}---\n${VALID}`);
    expect(problems[0]?.message).toMatch(/duplicate rule id/);
  });

  it('bounds YAML alias expansion', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const problems = problemsOf(`${bomb.join('\n')}\ntitle: bomb\n`);
    expect(problems[0]?.message).toMatch(/alias|YAML/i);
  });
});
