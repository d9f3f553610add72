import { compileRegex, RegexSyntaxError } from '../../../src/sigma/regex';
import { seededRandom } from './random-patterns';

/** Each row: pattern, expected position, a fragment the message must contain. */
type Row = readonly [pattern: string, position: number, message: string];

function compileError(pattern: string): RegexSyntaxError {
  try {
    compileRegex(pattern);
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
}

function check(rows: readonly Row[]): void {
  it.each(rows)('rejects %j at %i', (pattern, position, message) => {
    const error = compileError(pattern);
    expect(error.position).toBe(position);
    expect(error.message).toContain(message);
    expect(error.message).toContain(`position ${position}`);
  });
}

describe('sigma regex: constructs outside the linear subset', () => {
  check([
    ['(a)\\1', 3, "back-reference '\\1'"],
    ['\\9', 0, 'back-reference'],
    ['(a)\\g{1}', 3, "back-reference '\\g{'"],
    ['(a)\\g1', 3, 'back-reference'],
    ['(?<n>a)\\k<n>', 7, "back-reference '\\k<'"],
    ['(?P<n>a)(?P=n)', 8, "named back-reference '(?P='"],
    ['abcd(?=x)', 4, "look-ahead '(?=' at position 4 is not supported: Sigma's regex subset has no"],
    ['(?!x)', 0, "negative look-ahead '(?!'"],
    ['a(?<=x)', 1, "look-behind '(?<='"],
    ['a(?<!x)', 1, "negative look-behind '(?<!'"],
    ['(?*x)', 0, 'non-atomic look-ahead'],
    ['(?>a+)b', 0, "atomic group '(?>'"],
    ['a*+', 1, "possessive quantifier '*+' at position 1 is not supported"],
    ['xa++', 2, "possessive quantifier '++'"],
    ['a?+', 1, "possessive quantifier '?+'"],
    ['a{2}+', 1, "possessive quantifier '{2}+'"],
    ['(?(1)a|b)', 0, "conditional group '(?('"],
    ['(a)(?R)', 3, "recursion '(?R'"],
    ['(a)(?1)', 3, 'subroutine call'],
    ['(a)(?-1)', 3, 'subroutine call'],
    ['(?<n>a)(?&n)', 7, "subroutine call '(?&'"],
    ['(?<n>a)(?P>n)', 7, "subroutine call '(?P>'"],
    ['(?<n>a)\\g<n>', 7, "subroutine call '\\g<'"],
    ['a\\Kb', 1, "escape '\\K'"],
    ['\\Ga', 0, "escape '\\G'"],
    ['\\X', 0, "escape '\\X'"],
    ['\\C', 0, "escape '\\C'"],
    ['a\\R', 1, "escape '\\R'"],
    ['\\p{L}', 0, 'Unicode property escapes are not supported'],
    ['\\P{L}', 0, 'Unicode property escapes are not supported'],
    ['(?C1)a', 0, "callout '(?C'"],
    ['(*FAIL)', 0, "backtracking verb or alpha assertion '(*'"],
    ['a(*SKIP)b', 1, 'backtracking verb'],
    ['(*pla:x)', 0, 'backtracking verb or alpha assertion'],
    ['\\N{U+41}', 0, "'\\N{U+…}'"],
  ]);
});

describe('sigma regex: malformed patterns', () => {
  check([
    ['ab\\y', 2, "unknown escape sequence '\\y'"],
    ['\\i', 0, 'unknown escape sequence'],
    ['[\\y]', 1, 'unknown escape sequence'],
    ['(ab', 0, 'missing closing parenthesis'],
    ['a(?:b(c)', 1, 'missing closing parenthesis'],
    ['(?i', 0, 'missing closing parenthesis'],
    ['ab)', 2, 'unmatched closing parenthesis'],
    ['[z-a]', 2, 'range out of order'],
    ['[\\d-z]', 3, 'invalid range'],
    ['[a-\\d]', 2, 'invalid range'],
    ['[[:alpha:]-z]', 10, 'invalid range'],
    ['[abc', 0, 'missing terminating ]'],
    ['[]', 0, 'missing terminating ]'],
    ['[^]', 0, 'missing terminating ]'],
    ['[\\Q\\E]', 0, 'missing terminating ]'],
    ['[[:foo:]]', 1, "unknown POSIX class name 'foo'"],
    ['[[.a.]]', 1, 'POSIX collating elements'],
    ['[[=a=]]', 1, 'POSIX collating elements'],
    ['[[:a-b:]]', 1, "unknown POSIX class name 'a-b'"],
    ['[:alpha:]', 0, 'POSIX named classes are supported only within a class'],
    ['x[..]', 1, 'POSIX collating elements'],
    ['*a', 0, 'quantifier does not follow a repeatable item'],
    ['a**', 2, 'quantifier does not follow a repeatable item'],
    ['a|?', 2, 'quantifier does not follow a repeatable item'],
    ['(+)', 1, 'quantifier does not follow a repeatable item'],
    ['{1}', 0, 'quantifier does not follow a repeatable item'],
    ['a{2}{3}', 4, 'quantifier does not follow a repeatable item'],
    ['a*?+', 3, 'quantifier does not follow a repeatable item'],
    ['^*', 1, 'quantifier does not follow a repeatable item'],
    ['\\b+', 2, 'quantifier does not follow a repeatable item'],
    ['(?i)*', 4, 'quantifier does not follow a repeatable item'],
    ['a{3,2}', 1, 'numbers out of order'],
    ['a{1001}', 1, 'repetition count too large'],
    ['a{2,1001}', 1, 'repetition count too large'],
    ['a\\', 1, '\\ at end of pattern'],
    ['\\c', 0, "'\\c' at end of pattern"],
    ['\\o', 0, "missing opening brace after '\\o'"],
    ['\\x{}', 0, 'digits missing'],
    ['\\x{110000}', 0, 'too large'],
    ['\\x{d800}', 0, 'surrogate'],
    ['\\u12', 0, 'four hex digits'],
    ['[\\B]', 1, "'\\B' is invalid in a character class"],
    ['[\\A]', 1, 'invalid in a character class'],
    ['[\\N]', 1, "'\\N' is not supported in a character class"],
    ['[\\R]', 1, 'invalid in a character class'],
    ['(?<1a>x)', 0, 'group name must start with a non-digit'],
    ['(?<a-b>x)', 0, 'syntax error in group name'],
    ['(?<n>a)(?<n>b)', 7, "two named groups have the same name 'n'"],
    ['(?ia)', 3, "unrecognized character 'a' after '(?'"],
    ['(?^-i)', 0, 'invalid hyphen'],
    ['(?xx)', 0, "option '(?xx)'"],
    ['(?#abc', 0, "missing ) after '(?#' comment"],
    ['('.repeat(251) + ')'.repeat(251), 250, 'parentheses are too deeply nested'],
  ]);

  it('accepts duplicate group names after (?J)', () => {
    expect(compileRegex('(?J)(?<n>a)|(?<n>b)').test('b')).toBe(true);
  });

  it('accepts .{1000,} and {1000} at the repetition cap', () => {
    expect(() => compileRegex('.{1000,}')).not.toThrow();
    expect(() => compileRegex('a{1000}')).not.toThrow();
  });

  it('refuses a program over the size cap, naming the repetition that made it too big', () => {
    const error = compileError('x(?:[a-z]{100}){300}');
    expect(error.position).toBe(15);
    expect(error.message).toMatch(/pattern is too large: it compiles to \d+ instructions .* over the limit of 5000/);
  });

  it('refuses a program over the size cap that no single repetition explains at position 0', () => {
    const error = compileError(Array.from({ length: 30 }, () => 'a{1000}').join(''));
    expect(error.position).toBe(0);
    expect(error.message).toContain('pattern is too large');
  });

  it('throws nothing but RegexSyntaxError, with a position inside the pattern, for arbitrary pattern text', () => {
    const tokens = ['(', ')', '(?', '(?:', '(?i)', '(?<', '>', '[', ']', '[:', ':]', '^', '$', '\\', '\\Q', '\\E', '{', '}', ',', '1', '0', '*', '+', '?', '|', '-', 'a', ':', '=', '!', "'", 'P', 'x', 'c', 'k', 'g', 'N', '#', ' ', '😀', '.'];
    const random = seededRandom(99);
    const unexpected: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let pattern = '';
      for (let n = 1 + Math.floor(random() * 8); n > 0; n--) pattern += tokens[Math.floor(random() * tokens.length)];
      try {
        compileRegex(pattern).test('ab😀{1}:');
      } catch (error) {
        const ok = error instanceof RegexSyntaxError && error.position >= 0 && error.position <= pattern.length;
        if (!ok) unexpected.push(`${JSON.stringify(pattern)}: ${String(error)}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('is a RegexSyntaxError with a name, usable with instanceof', () => {
    const error = compileError('(?=a)');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RegexSyntaxError');
  });
});
