import { compileRegex } from '../../../src/sigma/regex';
import type { RegexFlags } from '../../../src/sigma/regex';

/** Each row: pattern, inputs that match, inputs that do not. */
type Row = readonly [pattern: string, matching: readonly string[], notMatching: readonly string[]];

function check(rows: readonly Row[], flags?: Partial<RegexFlags>): void {
  it.each(rows)('handles %j', (pattern, matching, notMatching) => {
    const re = compileRegex(pattern, flags);
    for (const input of matching) expect([input, re.test(input)]).toEqual([input, true]);
    for (const input of notMatching) expect([input, re.test(input)]).toEqual([input, false]);
  });
}

describe('sigma regex: literals and escapes', () => {
  check([
    ['abc', ['abc', 'xxabcxx'], ['ab', 'ABC', '']],
    ['\\.\\"\\\'\\/\\-\\%\\_', ['."\'/-%_'], ['x"\'/-%_']],
    ['\\t\\n\\r\\f\\e\\a\\0', ['\t\n\r\f\x1b\x07\0'], ['\t\n\r\f\x1b\x07']],
    ['\\x41\\x{42}\\u0043\\x{1F600}', ['ABC😀'], ['ABC']],
    ['\\101\\012\\o{103}\\0101', ['A\nC\b1'], ['A\nCA']],
    ['\\x4g', ['\x04g'], ['4g']],
    ['\\cA\\c[', ['\x01\x1b'], ['A[']],
    ['a\\Q.*+?\\Eb', ['a.*+?b'], ['ab', 'aaab']],
    ['\\Qa.b', ['a.b'], ['axb']],
    ['^a\\Qbc\\E+$', ['abccc'], ['abcbc']],
    ['a\\Q\\E*b', ['b', 'aaab'], ['c']],
    ['x\\Eb', ['xb'], ['x\\Eb']],
    ['😀+', ['😀😀'], ['\ud83d']],
    ['é', ['café'], ['cafe']],
  ]);
});

describe('sigma regex: dot, types and classes', () => {
  check([
    ['^.$', ['a', '😀', '\r'], ['\n', '', 'ab']],
    ['\\d\\D', ['1a'], ['11', 'a1', '١a']],
    ['^\\w+$', ['ab_09Z'], ['a-b', 'é', '']],
    ['\\W', ['-', 'é', ' '], ['abc_1']],
    ['^\\s+$', [' \t\n\v\f\r'], ['\u00a0', '\u2028']],
    ['\\S', ['\u00a0'], [' \t\n']],
    ['^\\h$', [' ', '\t', '\u00a0', '\u3000'], ['\n', 'a']],
    ['^\\v$', ['\n', '\v', '\f', '\r', '\u0085', '\u2028'], [' ', 'a']],
    ['^\\H\\V$', ['a\t'], ['\ta', 'a\n']],
    ['^\\N$', ['a', '\r'], ['\n']],
    ['a\\N{2}b', ['axxb'], ['axb', 'a\n\nb']],
    ['^[a-c]+$', ['abcba'], ['abd', '']],
    ['^[^a-c]$', ['d', '\n', '😀'], ['a', 'c']],
    ['^[]a]+$', [']a]'], ['b']],
    ['^[^]a]$', ['b'], [']', 'a']],
    ['^[a-]$', ['a', '-'], ['b']],
    ['^[-a]$', ['a', '-'], ['b']],
    ['^[%--]$', ['%', '+', '-'], ['.']],
    ['^[\\d-]$', ['5', '-'], ['a']],
    ['^[\\w.]+$', ['a.b_1'], ['a-b']],
    ['^[\\]\\\\\\-]$', [']', '\\', '-'], ['a']],
    ['^[\\b]$', ['\b'], ['b']],
    ['^[\\Q]-\\E]+$', [']-'], ['a']],
    ['^[[:alpha:][:digit:]]+$', ['abc123'], ['a_b']],
    ['^[[:^alpha:]]$', ['1', '-'], ['a']],
    ['^[[:xdigit:]]+$', ['09afAF'], ['g']],
    ['^[[:punct:]]$', ['!', '~', '['], ['a', ' ']],
    ['^[[:space:][:blank:]]+$', [' \t\n'], ['a']],
    ['^[[:upper:]]$', ['A'], ['a']],
    ['^[[:lower:]]$', ['a'], ['A']],
    ['^[a[]$', ['a', '['], ['b']],
    ['^[\\x{1F600}-\\x{1F64F}]$', ['😀', '🙏'], ['a', '\ud83d']],
    ['^[α-ω]$', ['λ'], ['Λ']],
  ]);
  check([['^.$', ['\n', 'a'], ['']]], { dotAll: true });
});

describe('sigma regex: anchors and boundaries', () => {
  check([
    ['^ab', ['abc'], ['cab', 'c\nab']],
    ['ab$', ['cab', 'cab\n'], ['abc', 'ab\n\n', 'ab\nc']],
    ['\\Aab', ['abc'], ['xab']],
    ['ab\\z', ['ab'], ['ab\n']],
    ['ab\\Z', ['ab', 'ab\n'], ['ab\n\n']],
    ['\\bfoo\\b', ['a foo.', 'foo'], ['food', 'afoo', 'foo_']],
    ['\\Bfoo', ['afoo'], ['foo', ' foo']],
    ['^$', [''], ['a', '\n\n']],
    ['^$', ['\n'], []],
    ['a^b', [], ['ab', 'a\nb']],
  ]);
  check(
    [
      ['^ab$', ['x\nab\ny', 'ab', 'ab\n'], ['xab', 'abx']],
      ['^$', ['a\n\nb', ''], ['a\n', 'ab']],
      ['a$\\n^b', ['a\nb'], ['ab']],
      ['\\Aab', ['ab\nx'], ['x\nab']],
    ],
    { multiline: true },
  );
});

describe('sigma regex: quantifiers', () => {
  check([
    ['^ab*c$', ['ac', 'abbbc'], ['abd']],
    ['^ab+c$', ['abc', 'abbc'], ['ac']],
    ['^ab?c$', ['ac', 'abc'], ['abbc']],
    ['^a{3}$', ['aaa'], ['aa', 'aaaa']],
    ['^a{2,}$', ['aa', 'aaaaaa'], ['a']],
    ['^a{2,3}$', ['aa', 'aaa'], ['a', 'aaaa']],
    ['^a{,2}$', ['', 'a', 'aa'], ['aaa']],
    ['^a{ 1 , 2 }$', ['a', 'aa'], ['aaa']],
    ['^a*?b+?c??d{1,2}?$', ['bd', 'aabbcdd'], ['ad']],
    ['^(ab){2}$', ['abab'], ['ab', 'ababab']],
    ['^(?:a|bc)+$', ['abca'], ['abd']],
    ['^x{a}$', ['x{a}'], ['x']],
    ['^a{$', ['a{'], ['a']],
    ['^a{1,$', ['a{1,'], ['a']],
    ['^a{,}$', ['a{,}'], ['a']],
    ['^{$', ['{'], []],
    ['^x{}$', ['x{}'], ['x']],
    ['^a}$', ['a}'], []],
    ['^(?:)*$', [''], ['a']],
    ['^()+a$', ['a'], ['b']],
    ['^(a*)*$', ['', 'aaa'], ['b']],
    ['^.{1000,}$', ['x'.repeat(1000)], ['x'.repeat(999)]],
  ]);
});

describe('sigma regex: groups and alternation', () => {
  check([
    ['^(a|b)c$', ['ac', 'bc'], ['cc']],
    ['^(?:a|b|)c$', ['c', 'ac'], ['dc']],
    ['^(?<name>a)(?P<other>b)(?\'third\'c)$', ['abc'], ['ab']],
    ['^(?|a|b)$', ['a', 'b'], ['c']],
    ['a(?#comment)b', ['ab'], ['a(?#comment)b']],
    ['a(?#c)*', ['aaa'], []],
    ['^a|b$', ['ax', 'xb'], ['xa', 'bx']],
    ['|', ['', 'x'], []],
    ['^((a)|b)+$', ['abba'], ['abc']],
  ]);
});

describe('sigma regex: inline options', () => {
  check([
    ['(?i)abc', ['ABC', 'aBc'], ['abd']],
    ['a(?i)bc', ['aBC'], ['ABC']],
    ['a(?i:b)c', ['aBc'], ['aBC', 'Abc']],
    ['(a(?i)b|c)', ['aB', 'C'], ['AB']],
    ['(?:a(?i)b)|c', ['aB', 'c'], ['C']],
    ['(?i)a(?-i)b', ['Ab'], ['AB']],
    ['(?i-i)a', ['a'], ['A']],
    ['(?i)(?^)a', ['a'], ['A']],
    ['(?^i)a', ['A'], []],
    ['(?s)a.b', ['a\nb'], []],
    ['a(?s:.)b.', ['a\nbc'], ['a\nb\n']],
    ['(?m)^b', ['a\nb'], []],
    ['(?x) a b # comment\n c', ['abc'], ['a b c']],
    ['(?x)a +', ['aa'], ['b']],
    ['(?x)[ ]', [' '], ['a']],
    ['(?x)a\\ b', ['a b'], ['ab']],
    ['(?nUJ)a', ['a'], []],
  ]);

  it('reports options set by groups at the start as the effective flags', () => {
    expect(compileRegex('(?i)abc').flags).toEqual({ ignoreCase: true, multiline: false, dotAll: false });
    expect(compileRegex('(?s)(?m)x').flags).toEqual({ ignoreCase: false, multiline: true, dotAll: true });
    expect(compileRegex('(?-i)x', { ignoreCase: true }).flags.ignoreCase).toBe(false);
    expect(compileRegex('x(?i)y').flags.ignoreCase).toBe(false);
    expect(compileRegex('(?i:x)y').flags.ignoreCase).toBe(false);
    expect(compileRegex('x', { multiline: true }).flags.multiline).toBe(true);
  });

  it('keeps the pattern text as source when compiled', () => {
    expect(compileRegex('(?i)a+').source).toBe('(?i)a+');
  });
});
