import { compileRegex } from '../../../src/sigma/regex';
import { foldCase } from '../../../src/sigma/text/case-fold';

const KELVIN = '\u212a';
const LONG_S = '\u017f';

function matches(pattern: string, input: string): boolean {
  return compileRegex(pattern).test(input);
}

describe('sigma regex: case-insensitive matching beyond ASCII', () => {
  it('treats Greek sigma, capital sigma and final sigma as equal when caseless', () => {
    for (const input of ['σ', 'Σ', 'ς']) {
      expect(matches('(?i)^σ$', input)).toBe(true);
      expect(matches('(?i)^ς$', input)).toBe(true);
      expect(matches('(?i)^[Σ]$', input)).toBe(true);
    }
    expect(matches('(?i)ΟΔΥΣΣΕΥΣ', 'οδυσσευς')).toBe(true);
    expect(matches('^σ$', 'ς')).toBe(false);
  });

  it('matches Cyrillic letters in either case, in literals and ranges', () => {
    expect(matches('(?i)привет', 'ПРИВЕТ мир')).toBe(true);
    expect(matches('(?i)^[а-я]+$', 'ПРИВЕТ')).toBe(true);
    expect(matches('^[а-я]+$', 'ПРИВЕТ')).toBe(false);
  });

  it('treats German ß and capital ẞ as equal, without expanding to "ss"', () => {
    expect(matches('(?i)^straße$', 'STRAẞE')).toBe(true);
    expect(matches('(?i)^STRAẞE$', 'straße')).toBe(true);
    expect(matches('(?i)^straße$', 'STRASSE')).toBe(false);
  });

  it('matches the Kelvin sign for k and K, and long s for s, in literals and classes', () => {
    expect(matches('(?i)^k$', KELVIN)).toBe(true);
    expect(matches(`(?i)^${KELVIN}$`, 'k')).toBe(true);
    expect(matches('(?i)^[A-Z]$', KELVIN)).toBe(true);
    expect(matches('(?i)^[a-z]$', LONG_S)).toBe(true);
    expect(matches('^[A-Z]$', KELVIN)).toBe(false);
    expect(matches('(?i)^[^k]$', KELVIN)).toBe(false);
    expect(matches('(?i)^[^k]$', 'K')).toBe(false);
  });

  it('leaves type escapes uncased as PCRE2 does: \\w never matches the Kelvin sign', () => {
    expect(matches('(?i)\\w', KELVIN)).toBe(false);
    expect(matches('(?i)\\W', KELVIN)).toBe(true);
  });

  it('turns caseless [:upper:] and [:lower:] into [:alpha:] as pcre2_compile does', () => {
    expect(matches('(?i)^[[:upper:]]$', 'a')).toBe(true);
    expect(matches('(?i)^[[:lower:]]$', 'A')).toBe(true);
    expect(matches('(?i)^[[:lower:]]$', KELVIN)).toBe(false);
  });

  it('treats a surrogate pair as one character for ., ? and classes', () => {
    expect(matches('^.$', '😀')).toBe(true);
    expect(matches('^😀?x$', 'x')).toBe(true);
    expect(matches('^a.?b$', 'a😀b')).toBe(true);
    expect(matches('^a..b$', 'a😀b')).toBe(false);
    expect(matches('(?i)^[^a]$', '😀')).toBe(true);
    expect(matches('^.{3}$', '😀😀😀')).toBe(true);
    expect(matches('^\\x{1F600}$', '😀')).toBe(true);
  });

  it('matches case variants of non-ASCII letters with accents', () => {
    expect(matches('(?i)CAFÉ', 'café')).toBe(true);
    expect(matches('(?i)^[é]$', 'É')).toBe(true);
    expect(matches('CAFÉ', 'café')).toBe(false);
  });

  it('folds required literals so callers can search foldCase(input)', () => {
    const re = compileRegex('(?i)POWERSHELL.*-ENC');
    expect(re.requiredLiterals).toEqual(['powershell']);
    expect(re.requiredLiterals?.some((l) => foldCase(`C:\\${KELVIN}\\PowerShell.exe -enc`).includes(l))).toBe(true);
    expect(compileRegex(`(?i)${KELVIN}ey`).requiredLiterals).toEqual(['key']);
  });
});
