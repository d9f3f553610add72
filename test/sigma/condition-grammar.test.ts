import { ConditionSyntaxError, parseCondition } from '../../src/sigma/condition/parse-condition';
import { compileDetection, dedent, detectionProblems, matches } from './rule-helpers';

// Three selections over fields a, b, c; events set the fields that should hold.
const SELECTIONS = `
  sel_a:
      a: 1
  sel_b:
      b: 1
  sel_c:
      c: 1
  filter_x:
      x: 1
  _private:
      p: 1`;

function holds(condition: string, fields: string): boolean {
  const event = Object.fromEntries([...fields].map((f) => [f, 1]));
  return matches(`${dedent(SELECTIONS)}condition: ${condition}`, event);
}

describe('sigma condition: operators and precedence', () => {
  it('and requires both sides', () => {
    expect(holds('sel_a and sel_b', 'ab')).toBe(true);
    expect(holds('sel_a and sel_b', 'a')).toBe(false);
  });

  it('or requires either side', () => {
    expect(holds('sel_a or sel_b', 'b')).toBe(true);
    expect(holds('sel_a or sel_b', 'c')).toBe(false);
  });

  it('not negates', () => {
    expect(holds('sel_a and not sel_b', 'a')).toBe(true);
    expect(holds('sel_a and not sel_b', 'ab')).toBe(false);
  });

  it('binds and tighter than or', () => {
    // a or (b and c)
    expect(holds('sel_a or sel_b and sel_c', 'a')).toBe(true);
    expect(holds('sel_a or sel_b and sel_c', 'b')).toBe(false);
  });

  it('binds not tighter than and', () => {
    // (not a) and b
    expect(holds('not sel_a and sel_b', 'b')).toBe(true);
    expect(holds('not sel_a and sel_b', 'ab')).toBe(false);
  });

  it('lets parentheses override precedence', () => {
    expect(holds('(sel_a or sel_b) and sel_c', 'a')).toBe(false);
    expect(holds('(sel_a or sel_b) and sel_c', 'bc')).toBe(true);
    expect(holds('not (sel_a or sel_b)', 'c')).toBe(true);
    expect(holds('not (sel_a or sel_b)', 'b')).toBe(false);
  });

  it('accepts double negation', () => {
    expect(holds('not not sel_a', 'a')).toBe(true);
    expect(holds('not not sel_a', 'b')).toBe(false);
  });
});

describe('sigma condition: x of', () => {
  it('1 of pattern needs one matching identifier', () => {
    expect(holds('1 of sel_*', 'c')).toBe(true);
    expect(holds('1 of sel_*', 'x')).toBe(false);
  });

  it('any of is a synonym of 1 of', () => {
    expect(holds('any of sel_*', 'b')).toBe(true);
    expect(holds('any of sel_*', 'p')).toBe(false);
  });

  it('all of pattern needs every matching identifier', () => {
    expect(holds('all of sel_*', 'abc')).toBe(true);
    expect(holds('all of sel_*', 'ab')).toBe(false);
  });

  it('them covers every identifier except those starting with _', () => {
    expect(holds('all of them', 'abcx')).toBe(true); // _private (p) is not required
    expect(holds('all of them', 'abcp')).toBe(false);
    expect(holds('1 of them', 'p')).toBe(false);
  });

  it('patterns starting with _ select underscore identifiers', () => {
    expect(holds('1 of _*', 'p')).toBe(true);
    expect(holds('1 of _*', 'a')).toBe(false);
  });

  it('combines quantifiers with operators', () => {
    expect(holds('1 of sel_* and not 1 of filter*', 'a')).toBe(true);
    expect(holds('1 of sel_* and not 1 of filter*', 'ax')).toBe(false);
  });

  it('supports wildcards anywhere in a pattern', () => {
    expect(holds('1 of *_b', 'b')).toBe(true);
    expect(holds('1 of *_b', 'a')).toBe(false);
  });

  it('rejects a pattern that selects nothing', () => {
    const problems = detectionProblems(`${dedent(SELECTIONS)}condition: 1 of nothing*`);
    expect(problems[0]?.message).toMatch(/'1 of nothing\*' at column 1 matches no search identifier/);
  });
});

describe('sigma condition: lists and identifiers', () => {
  it('ORs a list of conditions', () => {
    const rule = compileDetection(`${dedent(SELECTIONS)}condition:\n    - sel_a and sel_b\n    - sel_c`);
    expect(matches(rule, { c: 1 })).toBe(true);
    expect(matches(rule, { a: 1, b: 1 })).toBe(true);
    expect(matches(rule, { a: 1 })).toBe(false);
  });

  it('parses identifiers that begin with an operator word', () => {
    const d = `
      notepad:
          Image|endswith: notepad.exe
      order_by:
          q|contains: 'order by'
      android:
          os: android
      condition: notepad or order_by or android`;
    expect(matches(d, { Image: 'C:\\notepad.exe' })).toBe(true);
    expect(matches(d, { q: 'x ORDER BY 1' })).toBe(true);
    expect(matches(d, { os: 'ios' })).toBe(false);
  });

  it('accepts identifiers with hyphens and digits', () => {
    expect(matches(`sel-1:\n    a: 1\ncondition: sel-1`, { a: 1 })).toBe(true);
  });

  it('rejects an undefined identifier, naming the defined ones', () => {
    const problems = detectionProblems(`${dedent(SELECTIONS)}condition: sel_a and sel_z`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('detection.condition');
    expect(problems[0]?.message).toMatch(/undefined search identifier 'sel_z' at column 11 \(defined: sel_a, sel_b, sel_c, filter_x, _private\)/);
  });

  it.each([
    ['sel_a AND sel_b', /operators are lower case/],
    ['sel_a and NOT sel_b', /operators are lower case: write 'not'/],
    ['sel_a Or sel_b', /operators are lower case/],
    ['ALL of them', /operators are lower case|not a quantifier/],
    ['sel_a and', /expected a search identifier, 'not', '\(' or 'x of', found end of condition/],
    ['(sel_a or sel_b', /expected '\)'/],
    ['sel_a or sel_b)', /unexpected '\)'/],
    ['sel_a sel_b', /missing 'and' or 'or'/],
    ['2 of sel_*', /'2 of' is not a quantifier/],
    ['1 of', /expected 'them' or a search identifier pattern/],
    ['sel_*', /can only follow/],
    ['selection | count() > 5', /Sigma 1.0 syntax/],
    ['sel_a && sel_b', /unexpected character '&'/],
    ['', /must be a non-empty string/],
  ])('rejects %j', (condition, message) => {
    const problems = detectionProblems(`${dedent(SELECTIONS)}condition: '${condition}'`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.field).toBe('detection.condition');
  });

  it('reports the column of a syntax error', () => {
    expect(() => parseCondition('a and (b or')).toThrow(ConditionSyntaxError);
    try {
      parseCondition('a and b c');
    } catch (err) {
      expect((err as ConditionSyntaxError).column).toBe(9);
    }
  });

  it('parses to the expected tree', () => {
    expect(parseCondition('a or not b and 1 of c*')).toEqual({
      type: 'or',
      operands: [
        { type: 'identifier', name: 'a', column: 1 },
        {
          type: 'and',
          operands: [
            { type: 'not', operand: { type: 'identifier', name: 'b', column: 10 } },
            { type: 'quantified', quantifier: 'any', pattern: 'c*', column: 16 },
          ],
        },
      ],
    });
  });
});
