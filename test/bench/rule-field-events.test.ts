import { compileRuleSources, RuleSet } from '../../src/sigma';
import { Prng } from '../../scripts/bench/prng';
import { generateRuleFieldEvents, instantiateSigmaString } from '../../scripts/bench/rule-field-events';
import { collectRuleFields } from '../../scripts/bench/rule-fields';

const DETECTIONS = [
  { selection: { 'CommandLine|contains': ['mimikatz', 'sekurlsa::'], Image: 'C:\\Tools\\x.exe' }, condition: 'selection' },
  { selection: [{ 'CommandLine|re': 'a.*b' }, { 'DestinationIp|cidr': '10.1.2.0/24' }], filter: { 'EventID|gt': 4000 }, condition: 'selection and not filter' },
  { keywords: ['evil.example', 31337], condition: 'keywords' },
];

describe('bench: fields of loaded rules', () => {
  const vocabulary = collectRuleFields(DETECTIONS);

  it('collects field names split on | with how often rules use them', () => {
    expect(vocabulary.fields.map((f) => [f.name, f.uses])).toEqual([
      ['CommandLine', 2],
      ['DestinationIp', 1],
      ['EventID', 1],
      ['Image', 1],
    ]);
  });

  it('keeps literal values with their placement and skips values that are patterns', () => {
    const commandLine = vocabulary.fields.find((f) => f.name === 'CommandLine');
    expect(commandLine?.samples).toEqual([
      { value: 'mimikatz', placement: 'contains' },
      { value: 'sekurlsa::', placement: 'contains' },
    ]);
  });

  it('turns networks and comparisons into values that satisfy them', () => {
    expect(vocabulary.fields.find((f) => f.name === 'DestinationIp')?.samples).toEqual([{ value: '10.1.2.1', placement: 'exact' }]);
    expect(vocabulary.fields.find((f) => f.name === 'EventID')?.samples).toEqual([{ value: 4001, placement: 'exact' }]);
  });

  it('collects keywords', () => {
    expect(vocabulary.keywords).toEqual(['evil.example', '31337']);
  });
});

describe('bench: events over the fields of loaded rules', () => {
  const rule = `title: t\nid: 5f0f1a7e-0000-4000-8000-000000000001\nlogsource:\n  product: windows\ndetection:\n  selection:\n    CommandLine|contains: 'mimikatz'\n  condition: selection\n`;
  const compiled = compileRuleSources([{ file: 'r.yml', text: rule }]);
  const ruleSet = new RuleSet(compiled.rules);
  const vocabulary = collectRuleFields(compiled.rules.map((r) => r.document.detection));

  it('generates the same events for the same seed', () => {
    expect(generateRuleFieldEvents(vocabulary, 20, 4)).toEqual(generateRuleFieldEvents(vocabulary, 20, 4));
  });

  it('uses only the field names the rules read, as flat keys', () => {
    for (const event of generateRuleFieldEvents(vocabulary, 50, 4)) expect(Object.keys(event)).toEqual(['CommandLine']);
  });

  it('matches the rule when values are the rules’ own literals', () => {
    const events = generateRuleFieldEvents(vocabulary, 30, 4, { literalRate: 1, nearMissRate: 0, keywordRate: 0 });
    expect(events.every((e) => ruleSet.evaluate(e).length === 1)).toBe(true);
  });

  it('misses the rule on near misses (one character changed)', () => {
    const events = generateRuleFieldEvents(vocabulary, 30, 4, { literalRate: 0, nearMissRate: 1, keywordRate: 0 });
    expect(events.every((e) => ruleSet.evaluate(e).length === 0)).toBe(true);
  });

  it('resolves Sigma wildcards and escapes into concrete text', () => {
    const prng = new Prng(1);
    expect(instantiateSigmaString(prng, 'a\\*b\\?c\\\\d')).toBe('a*b?c\\d');
    expect(instantiateSigmaString(prng, 'x?y')).toMatch(/^x[a-z]y$/);
    expect(instantiateSigmaString(prng, 'x*y')).toMatch(/^x[a-z]*y$/);
  });
});
