import { compileRuleSources, RuleSet } from '../../src/sigma';
import { generateEvents } from '../../scripts/bench/event-generator';
import { generateRules, generateRulesFrom, RULE_TEMPLATES } from '../../scripts/bench/rule-generator';
import { UNINDEXED_RULE_TEMPLATES } from '../../scripts/bench/unindexed-rule-templates';

describe('bench: synthetic Sigma rules', () => {
  const rules = generateRules(150, 21);
  // Compiled once: compiling is the slow part of these tests.
  const collection = compileRuleSources(rules);

  it('generates the same rules for the same seed', () => {
    expect(generateRules(30, 21)).toEqual(rules.slice(0, 30));
  });

  it('generates different rules for another seed', () => {
    expect(generateRules(30, 22).map((r) => r.text)).not.toEqual(rules.slice(0, 30).map((r) => r.text));
  });

  it('gives every rule a unique UUID and file name', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(new Set(rules.map((r) => r.file)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('compiles every generated rule without problems', () => {
    expect(collection.problems).toEqual([]);
    expect(collection.rules).toHaveLength(rules.length);
  });

  it.each(RULE_TEMPLATES.map((t) => [t.name, t] as const))('compiles template %s, with literals unless it is meant not to have them', (_name, template) => {
    const own = compileRuleSources(generateRulesFrom([template], 6, 5));
    expect(own.problems).toEqual([]);
    const unindexed = UNINDEXED_RULE_TEMPLATES.includes(template);
    // IPv4 networks name their fixed octets as a literal, so network rules are indexed after all.
    const usesNetworks = own.rules.some((r) => JSON.stringify(r.document.detection).includes('|cidr'));
    for (const rule of own.rules) expect(rule.requirement.clauses.length === 0).toBe(unindexed && !usesNetworks);
  });

  it('leaves a few percent of rules without a usable literal, indexed by a field they need', () => {
    const stats = new RuleSet(collection.rules).stats();
    expect(stats.fieldIndexed / stats.rules).toBeGreaterThan(0.005);
    expect(stats.fieldIndexed / stats.rules).toBeLessThan(0.1);
  });

  it('matches a small fraction of the synthetic events', () => {
    const ruleSet = new RuleSet(collection.rules);
    const events = generateEvents(1000, 21);
    const matched = events.filter((e) => ruleSet.evaluate(e).length > 0).length;
    expect(matched / events.length).toBeGreaterThan(0.001);
    expect(matched / events.length).toBeLessThan(0.1);
  });
});
