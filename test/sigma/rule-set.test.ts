import { RuleSet } from '../../src/sigma';
import type { CompiledRule } from '../../src/sigma';
import { EventView } from '../../src/sigma/events/event-view';
import { compileDetection, compileYaml, ruleYaml } from './rule-helpers';

/** A small seeded generator (mulberry32) so the differential test is deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['admin', 'Delete', 'trail', 'GET', '/etc/passwd', 'union select', '169.254.169.254', 'AKIA', 'curl', 'ПАРОЛЬ', 'x', '42', 'ok'];
const FIELDS = ['a', 'b', 'n.c', 'list'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function randomValue(rand: () => number): string {
  const w = pick(rand, WORDS);
  const r = rand();
  if (r < 0.2) return `'*${w}'`;
  if (r < 0.3) return `'${w.slice(0, 2)}?${w.slice(3)}'`;
  return `'${w}'`;
}

function randomItem(rand: () => number): string {
  const field = pick(rand, FIELDS);
  const r = rand();
  if (r < 0.15) return `${field}|re: '${pick(rand, ['(?i)dele.e', 'a+dmin', '\\d{2}', 'un[i]on\\s+sel'])}'`;
  if (r < 0.22) return `${field}|cidr: '169.254.0.0/16'`;
  if (r < 0.28) return `${field}|gt: 10`;
  if (r < 0.33) return `${field}: null`;
  if (r < 0.38) return `${field}|exists: ${rand() < 0.5}`;
  const mod = pick(rand, ['', '|contains', '|startswith', '|endswith', '|contains|all', '|cased', '|windash|contains']);
  const count = mod.includes('all') ? 2 : 1 + Math.floor(rand() * 3);
  const values = Array.from({ length: count }, () => randomValue(rand));
  return `${field}${mod}: [${values.join(', ')}]`;
}

function randomDetection(rand: () => number): string {
  const selections = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => {
    if (rand() < 0.15) return `sel${i}:\n    - ${randomValue(rand)}\n    - ${randomValue(rand)}`; // keywords
    const items = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => `    ${randomItem(rand)}`);
    return `sel${i}:\n${items.join('\n')}`;
  });
  const names = selections.map((_, i) => `sel${i}`);
  const condition = pick(rand, [names.join(' and '), names.join(' or '), `1 of sel*`, `all of them`, `not ${names[0]}`, `${names[0]} and not 1 of sel1*`]);
  return `${selections.join('\n')}\ncondition: ${condition.includes('sel1*') && names.length < 2 ? names[0] : condition}`;
}

function randomEvent(rand: () => number): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (rand() < 0.3) continue;
    const value = rand() < 0.2 ? Math.floor(rand() * 30) : `${pick(rand, WORDS)}${rand() < 0.5 ? ` ${pick(rand, WORDS)}` : ''}`;
    if (f === 'n.c') event['n'] = { c: value };
    else if (f === 'list') event[f] = [value, pick(rand, WORDS)];
    else event[f] = value;
  }
  return event;
}

describe('sigma rule set: the literal index', () => {
  it('returns exactly what evaluating every rule returns, over random rules and events', () => {
    const rand = prng(20261202);
    const rules: CompiledRule[] = [];
    while (rules.length < 300) {
      const { rules: compiled, problems } = compileYaml(ruleYaml(randomDetection(rand)));
      if (problems.length === 0) rules.push(...compiled);
    }
    const set = new RuleSet(rules);
    expect(set.stats().indexedRules).toBeGreaterThan(100);
    expect(set.stats().alwaysEvaluated + set.stats().fieldIndexed).toBeGreaterThan(10);
    let matched = 0;
    for (let i = 0; i < 1200; i++) {
      const event = randomEvent(rand);
      const viaIndex = set.evaluate(event).map((m) => m.rule.key);
      const view = new EventView(event);
      const bruteForce = rules.filter((r) => r.matches(view)).map((r) => r.key);
      expect([event, viaIndex]).toEqual([event, bruteForce]);
      matched += viaIndex.length;
    }
    expect(matched).toBeGreaterThan(300); // the comparison is meaningful only if matches happen
  });

  it('skips rules whose literals are absent', () => {
    const rule = compileDetection(`selection:\n    eventName: DeleteTrail\ncondition: selection`);
    const set = new RuleSet([rule]);
    expect(set.candidates(new EventView({ eventName: 'CreateTrail' }))).toEqual([]);
    expect(set.candidates(new EventView({ eventName: 'deletetrail' }))).toEqual([0]);
  });

  it('evaluates rules that name no literal only when a field they need is present', () => {
    const rule = compileDetection(`selection:\n    port|gt: 1024\ncondition: selection`);
    const set = new RuleSet([rule]);
    expect(set.stats().fieldIndexed).toBe(1);
    expect(set.candidates(new EventView({ host: 'x' }))).toEqual([]);
    expect(set.evaluate({ port: 8080 })).toHaveLength(1);
  });

  it('always evaluates rules that need neither a literal nor a field', () => {
    const rule = compileDetection(`filter:\n    port|gt: 1024\ncondition: not filter`);
    const set = new RuleSet([rule]);
    expect(set.stats().alwaysEvaluated).toBe(1);
    expect(set.evaluate({ host: 'x' })).toHaveLength(1);
  });

  it('requires every clause of a rule before evaluating it', () => {
    const rule = compileDetection(`selection:\n    eventSource: iam.amazonaws.com\n    eventName: CreateAccessKey\ncondition: selection`);
    const set = new RuleSet([rule]);
    expect(set.candidates(new EventView({ eventSource: 'iam.amazonaws.com', eventName: 'ListUsers' }))).toEqual([]);
    expect(set.candidates(new EventView({ eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey' }))).toEqual([0]);
  });

  it('finds literals in numbers, booleans and nested arrays', () => {
    const rules = [
      compileDetection(`selection:\n    code: 4625\ncondition: selection`),
      compileDetection(`selection:\n    flag: true\ncondition: selection`),
      compileDetection(`selection:\n    deep.list|endswith: '.onion'\ncondition: selection`),
    ];
    const set = new RuleSet(rules);
    expect(set.evaluate({ code: 4625 }).map((m) => m.rule)).toEqual([rules[0]]);
    expect(set.evaluate({ flag: true }).map((m) => m.rule)).toEqual([rules[1]]);
    expect(set.evaluate({ deep: [{ list: ['a', 'x.ONION'] }] }).map((m) => m.rule)).toEqual([rules[2]]);
  });

  it('files IPv4 networks under their fixed octets, and finds IPv4-mapped IPv6 spellings too', () => {
    const rule = compileDetection(`selection:\n    ip|cidr: '169.254.0.0/16'\ncondition: selection`);
    const set = new RuleSet([rule]);
    expect(set.stats().indexedRules).toBe(1);
    expect(set.candidates(new EventView({ ip: '10.0.0.1' }))).toEqual([]);
    for (const ip of ['169.254.169.254', '::ffff:169.254.169.254', '::FFFF:a9fe:a9fe', '0:0:0:0:0:ffff:a9fe:1']) {
      expect([ip, set.evaluate({ ip }).length]).toEqual([ip, 1]);
    }
  });

  it('reports which selections matched', () => {
    const rule = compileDetection(`sel_a:\n    a: 1\nsel_b:\n    b: 1\nfilter:\n    c: 1\ncondition: 1 of sel_* and not filter`);
    expect(new RuleSet([rule]).evaluate({ a: 1, b: 2 })[0]?.selections).toEqual(['sel_a']);
  });
});

describe('sigma rule set: hostile input', () => {
  it('evaluates a catastrophic-backtracking regex against a 100 KB field in linear time', () => {
    const rules = ['(a+)+$', '(a|a)*b', '(.*a){20}', '(x+x+)+y', '.{1000,}z'].map((re) =>
      compileDetection(`selection:\n    message|re: '${re}'\ncondition: selection`),
    );
    const set = new RuleSet(rules);
    const hostile = `${'a'.repeat(100_000)}!`;
    // Correct answers are the proof of completion; a backtracking engine would not return here.
    expect(set.evaluate({ message: hostile }).map((m) => m.rule.document.detection)).toEqual([
      { selection: { 'message|re': '(.*a){20}' }, condition: 'selection' },
    ]);
    expect(set.evaluate({ message: `${'x'.repeat(100_000)}` })).toEqual([]);
  });
});
