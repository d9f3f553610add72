import { compileRegex } from '../../../src/sigma/regex';

/** The literals, sorted for stable comparison. */
function literals(pattern: string): readonly string[] | undefined {
  return compileRegex(pattern).requiredLiterals?.slice().sort();
}

describe('sigma regex: required literals for prefiltering', () => {
  it('returns the pattern itself when it is a plain string', () => {
    expect(literals('powershell')).toEqual(['powershell']);
    expect(literals('a\\.b')).toEqual(['a.b']);
  });

  it('prefers one long literal to several when concatenation mixes literals and classes', () => {
    expect(literals('\\$PSHome\\[\\s*\\d{1,3}\\s*\\]\\s*\\+\\s*\\$PSHome\\[')).toEqual(['$PSHome[']);
    expect(literals('(?i)\\.exe[\\"\\\']?\\s+[^\\"]{0,64}werfaultsecure\\.exe')).toEqual(['werfaultsecure.exe']);
  });

  it('expands small classes and optional parts into alternatives when concatenated', () => {
    expect(literals('https?://')).toEqual(['http://', 'https://']);
    expect(literals('x[ab]y')).toEqual(['xay', 'xby']);
    expect(literals('(ab){2,}')).toEqual(['abab']);
  });

  it('unites one literal per branch when every branch has one', () => {
    expect(literals('(?:invoke|iex)-expression|downloadstring')).toEqual(['-expression', 'downloadstring']);
    expect(literals('foo|bar')).toEqual(['bar', 'foo']);
  });

  it('derives literals from fixed runs inside case-variant classes', () => {
    const found = literals('(?:[Pp]rogram[Dd]ata|%(?:[Ll]ocal)?[Aa]pp[Dd]ata%)\\\\') ?? [];
    expect(found).toContain('rogram');
    expect(found.length).toBeLessThanOrEqual(16);
    expect(found.every((s) => s.length >= 4)).toBe(true);
  });

  it('returns case-folded literals when caseless', () => {
    expect(literals('(?i)PowerShell')).toEqual(['powershell']);
    expect(literals('(?i)ΣΥΣ')).toEqual(['συσ']);
    expect(literals('(?i)ΣΥς')).toEqual(['συσ']);
  });

  it('lists the case variants of scoped caseless parts when the whole pattern is case-sensitive', () => {
    expect(literals('ab(?i:c)')).toEqual(['abC', 'abc']);
  });

  it('returns undefined when no literal of two or more characters is required', () => {
    expect(literals('.{1000,}')).toBeUndefined();
    expect(literals('a|b')).toBeUndefined();
    expect(literals('foo|.')).toBeUndefined();
    expect(literals('(?:foo)?b?ar?')).toBeUndefined();
    expect(literals('[a-z]+@[a-z]+')).toBeUndefined();
    expect(literals('')).toBeUndefined();
  });

  it('never returns more than 16 strings, or strings shorter than 2', () => {
    const re = compileRegex('[a-h][a-h][a-h]x');
    expect(re.requiredLiterals === undefined || re.requiredLiterals.length <= 16).toBe(true);
    for (const pattern of ['[ab][cd][ef][gh][ij]', '(?:aa|bb|cc|dd|ee|ff|gg|hh|ii|jj|kk|ll|mm|nn|oo|pp|qq)']) {
      const found = literals(pattern);
      expect(found === undefined || (found.length <= 16 && found.every((s) => s.length >= 2))).toBe(true);
    }
  });

  it('rejects inputs without any required literal before running the automaton, and still matches the rest', () => {
    const re = compileRegex('(?i)invoke-(?:expression|webrequest)');
    expect(re.test('Get-ChildItem')).toBe(false);
    expect(re.test('INVOKE-WebRequest http://x')).toBe(true);
  });
});
