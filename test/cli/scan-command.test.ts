import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dedent } from '../sigma/rule-helpers';
import { run, tempTree } from './cli-io';

const RULES = {
  'imds.yml': dedent(`
    title: SSRF to the instance metadata service
    id: 5d8e1f2a-3b4c-4d5e-8f60-718293a4b5c6
    logsource:
        product: aws
        service: lambda
    detection:
        selection:
            message|contains:
                - '169.254.169.254'
                - 'fd00:ec2::254'
        condition: selection
    level: high
  `),
  'root.yml': dedent(`
    title: Root account usage
    id: 6e9f2a3b-4c5d-4e6f-9a71-8293a4b5c6d7
    logsource:
        product: aws
        service: cloudtrail
    detection:
        selection:
            userIdentity.type: Root
        condition: selection
    level: critical
  `),
};

const EVENTS = [
  JSON.stringify({ message: 'GET /fetch?url=http://169.254.169.254/latest/meta-data/' }),
  JSON.stringify({ userIdentity: { type: 'Root' }, message: 'x' }),
  '{not json',
  '',
  JSON.stringify({ message: 'GET /health' }),
  '[1, 2]',
  JSON.stringify({ userIdentity: { type: 'Root' }, message: 'fetch http://169.254.169.254' }),
].join('\n');

describe('cli: scan', () => {
  it('prints one NDJSON line per match with the 0-based event line, and a summary', async () => {
    const dir = tempTree(RULES);
    const events = path.join(dir, 'events.ndjson');
    writeFileSync(events, EVENTS);
    const result = await run(['scan', '--rules', dir, events]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: number; rule: { id: string; title: string; level: string } });
    expect(lines.map((l) => [l.event, l.rule.title, l.rule.level])).toEqual([
      [0, 'SSRF to the instance metadata service', 'high'],
      [1, 'Root account usage', 'critical'],
      [6, 'SSRF to the instance metadata service', 'high'],
      [6, 'Root account usage', 'critical'],
    ]);
    expect(lines[0]?.rule.id).toBe('5d8e1f2a-3b4c-4d5e-8f60-718293a4b5c6');
    expect(result.stderr).toContain('line 3: not valid JSON');
    expect(result.stderr).toContain('line 6: not a JSON object; skipped');
    expect(result.stderr).toMatch(/scanned 4 event\(s\), 2 invalid line\(s\) skipped: 4 match\(es\) from 2 rule\(s\) in \d+\.\d\d s\n$/);
  });

  it('reads standard input when no file or - is given', async () => {
    const dir = tempTree(RULES);
    const result = await run(['scan', '--rules', path.join(dir, 'root.yml'), '-'], `${JSON.stringify({ userIdentity: { type: 'Root' } })}\n`);
    expect(JSON.parse(result.stdout)).toMatchObject({ event: 0, rule: { title: 'Root account usage' } });
  });

  it('refuses to scan when a rule cannot be loaded', async () => {
    const dir = tempTree({ ...RULES, 'broken.yml': RULES['root.yml'].replace('id: 6e9f2a3b', 'id: 7e9f2a3b').replace('condition: selection', 'condition: selection and') });
    const result = await run(['scan', '--rules', dir], '{}\n');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${path.join(dir, 'broken.yml')}:9: detection.condition: invalid condition`);
    expect(result.stderr).toContain('no rules were used');
  });

  it('draws a progress bar on a terminal when reading a file', async () => {
    const dir = tempTree(RULES);
    const events = path.join(dir, 'events.ndjson');
    writeFileSync(events, EVENTS);
    const result = await run(['scan', '--rules', dir, events], '', true);
    expect(result.stderr).toContain('[##############################] 100%');
  });

  it('requires --rules', async () => {
    const result = await run(['scan', 'x.ndjson']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--rules/);
  });
});

describe('cli: scan arguments', () => {
  it('takes several rule paths after one --rules and finds the events file after them', async () => {
    const dir = tempTree(RULES);
    const events = path.join(dir, 'events.ndjson');
    writeFileSync(events, EVENTS);
    const result = await run(['scan', '--rules', path.join(dir, 'imds.yml'), path.join(dir, 'root.yml'), events]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(4);
    expect(result.stderr).toContain('from 2 rule(s)');
  });

  it('accepts --rules repeated and the events file first', async () => {
    const dir = tempTree(RULES);
    const events = path.join(dir, 'events.ndjson');
    writeFileSync(events, EVENTS);
    const result = await run(['scan', events, '--rules', path.join(dir, 'imds.yml'), '--rules', path.join(dir, 'root.yml')]);
    expect(result.stdout.trim().split('\n')).toHaveLength(4);
  });
});
