import { RuleSet } from '../../src/sigma';
import { compileRuleSources } from '../../src/sigma';
import { dedent } from './rule-helpers';

const RULE = dedent(`
  title: Rar compression
  id: 6f3e2987-db24-4c78-a860-b4f4095a7095
  name: rar_compression
  logsource:
      category: process_creation
      product: windows
  detection:
      selection:
          Image|endswith: '\\rar.exe'
      condition: selection
  level: low
`);

const OTHER_RULE = dedent(`
  title: Other rule
  id: 11111111-2222-4333-8444-555555555555
  logsource:
      category: process_creation
      product: windows
  detection:
      selection:
          Image|endswith: '\\rar.exe'
      condition: selection
`);

const FILTER = dedent(`
  title: Filter administrator accounts
  description: Administrators start with adm_
  logsource:
      category: process_creation
      product: windows
  filter:
      rules:
          - 6f3e2987-db24-4c78-a860-b4f4095a7095
      selection:
          User|startswith: 'adm_'
      condition: not selection
`);

function load(...files: [string, string][]) {
  return compileRuleSources(files.map(([file, text]) => ({ file, text })));
}

function titlesMatching(set: RuleSet, event: unknown): string[] {
  return set.evaluate(event).map((m) => m.rule.title);
}

describe('sigma meta-filters', () => {
  it('ANDs the filter condition onto the rules it names', () => {
    const collection = load(['rule.yml', RULE], ['other.yml', OTHER_RULE], ['mf_admins.yml', FILTER]);
    expect(collection.problems).toEqual([]);
    const set = new RuleSet(collection.rules);
    expect(titlesMatching(set, { Image: 'C:\\rar.exe', User: 'adm_bob' })).toEqual(['Other rule']);
    expect(titlesMatching(set, { Image: 'C:\\rar.exe', User: 'bob' })).toEqual(['Rar compression', 'Other rule']);
    expect(collection.rules.find((r) => r.title === 'Rar compression')?.filters).toEqual(['Filter administrator accounts']);
  });

  it('names rules by name as well as id', () => {
    const byName = FILTER.replace('- 6f3e2987-db24-4c78-a860-b4f4095a7095', '- rar_compression');
    const set = new RuleSet(load(['rule.yml', RULE], ['f.yml', byName]).rules);
    expect(titlesMatching(set, { Image: 'C:\\rar.exe', User: 'adm_x' })).toEqual([]);
  });

  it('does not apply to rules of another log source', () => {
    const linux = FILTER.replace('product: windows', 'product: linux');
    const set = new RuleSet(load(['rule.yml', RULE], ['f.yml', linux]).rules);
    expect(titlesMatching(set, { Image: 'C:\\rar.exe', User: 'adm_x' })).toEqual(['Rar compression']);
  });

  it("keeps filter selections out of the rule's 'them'", () => {
    const allOfThem = RULE.replace('condition: selection', 'condition: all of them');
    const set = new RuleSet(load(['rule.yml', allOfThem], ['f.yml', FILTER]).rules);
    expect(titlesMatching(set, { Image: 'C:\\rar.exe', User: 'bob' })).toEqual(['Rar compression']);
    expect(set.evaluate({ Image: 'C:\\rar.exe', User: 'bob' })[0]?.selections).toEqual(['selection']);
  });

  it('rejects a filter without a condition or rules, with lines', () => {
    const broken = FILTER.replace('    condition: not selection\n', '').replace('    rules:\n        - 6f3e2987-db24-4c78-a860-b4f4095a7095\n', '');
    const problems = load(['f.yml', broken]).problems;
    expect(problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      '6 filter.rules: is required',
      '6 filter.condition: is required',
    ]);
  });

  it('rejects a filter whose selection does not compile, in the filter file', () => {
    const broken = FILTER.replace("User|startswith: 'adm_'", "User|base64: 'adm_*'");
    const collection = load(['rule.yml', RULE], ['f.yml', broken]);
    expect(collection.problems).toHaveLength(1);
    expect(collection.problems[0]).toMatchObject({ file: 'f.yml', line: 10, field: 'filter.selection.User|base64' });
    expect(collection.rules).toHaveLength(1); // the rule itself still loads
  });
});

const CORRELATION = dedent(`
  title: Many failed logins
  id: 0e95725d-7320-415d-80f7-004da920fc11
  correlation:
      type: event_count
      rules:
          - failed_login
      group-by:
          - User
      timespan: 10m
      condition:
          gte: 10
  level: high
  ---
  title: Single failed login
  id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
  name: failed_login
  logsource:
      product: windows
      service: security
  detection:
      selection:
          EventID:
              - 529
              - 4625
      condition: selection
`);

describe('sigma correlation rules: parsing and validation', () => {
  it('loads a correlation and the rules it names from one multi-document file', () => {
    const collection = load(['mr_failed.yml', CORRELATION]);
    expect(collection.problems).toEqual([]);
    expect(collection.correlations).toHaveLength(1);
    expect(collection.correlations[0]?.document.correlation.type).toBe('event_count');
    expect(collection.rules.map((r) => r.name)).toEqual(['failed_login']);
  });

  it('rejects a reference to a rule that is not loaded', () => {
    const problems = load(['mr.yml', CORRELATION.replace('- failed_login', '- missing_rule')]).problems;
    expect(problems).toEqual([{ file: 'mr.yml', line: 6, field: 'correlation.rules[0]', message: expect.stringMatching(/references rule 'missing_rule', which is not loaded/) }]);
  });

  it('validates type, timespan and condition', () => {
    const broken = CORRELATION.replace('type: event_count', 'type: event_sum').replace('timespan: 10m', 'timespan: ten minutes').replace('gte: 10', 'gte: many');
    const problems = load(['mr.yml', broken]).problems.map((p) => `${p.line} ${p.field}`);
    expect(problems).toEqual(['4 correlation.type', '9 correlation.timespan', '11 correlation.condition.gte']);
  });

  it('requires condition.field for value_count', () => {
    const valueCount = CORRELATION.replace('type: event_count', 'type: value_count');
    const problems = load(['mr.yml', valueCount]).problems;
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['correlation.condition.field: is required for value_count correlations']);
  });

  it('requires two rules for temporal correlations', () => {
    const temporal = CORRELATION.replace('type: event_count', 'type: temporal');
    expect(load(['mr.yml', temporal]).problems[0]?.message).toMatch(/at least two rules/);
  });

  it('rejects unknown keys inside the correlation section', () => {
    const extra = CORRELATION.replace('timespan: 10m', 'timespan: 10m\n    timeframe: 5m');
    expect(load(['mr.yml', extra]).problems).toEqual([expect.objectContaining({ field: 'correlation.timeframe', message: 'unknown field' })]);
  });

  it('accepts every correlation type of v2.1', () => {
    for (const type of ['value_sum', 'value_avg', 'value_percentile']) {
      const doc = CORRELATION.replace('type: event_count', `type: ${type}`).replace('gte: 10', 'field: bytes\n        gt: 100');
      expect([type, load(['mr.yml', doc]).problems]).toEqual([type, []]);
    }
  });
});
