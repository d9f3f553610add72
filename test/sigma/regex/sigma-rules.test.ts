import { compileRegex } from '../../../src/sigma/regex';

/** Patterns from SigmaHQ rules, with command lines and paths they should and should not flag. */
const RULES: readonly (readonly [pattern: string, matching: readonly string[], notMatching: readonly string[]])[] = [
  [
    '(?i)\\s(-u|--user)\\s*:',
    ['curl --ntlm -u : https://host', 'curl.exe --USER   : http://x', 'curl -U:'],
    ['curl -u admin:pw https://host', 'curl --user-agent x: y', 'curl-u :'],
  ],
  [
    'https?://(?:(?:25[0-5]|(?:2[0-4]|1\\d|[1-9])?\\d)(?:\\.|\\b)){4}',
    ['wget http://192.168.1.10/a.sh', 'curl https://8.8.8.8', 'x http://255.255.255.255:80/'],
    ['curl http://0x7f.0.0.1/', 'curl https://example.com/', 'http://300.1.1.1'],
  ],
  [
    '(?i)\\.exe[\\"\\\']?\\s+[^\\"]{0,64}werfaultsecure\\.exe[\\"\\\']?\\s+\\d{2,10}',
    ['"C:\\x\\a.EXE" /c C:\\Windows\\System32\\WerFaultSecure.exe" 1234', 'run.exe  WERFAULTSECURE.EXE 99'],
    ['run.exe WerFaultSecure.exe x12', 'werfaultsecure.exe 1234', `run.exe ${'a'.repeat(65)}werfaultsecure.exe 12`],
  ],
  [
    '[Rr][Uu][Nn][Dd][Ll][Ll]32(?:\\.[Ee][Xx][Ee])? \\S+?\\w:\\S+?:',
    ['rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication";alert:', 'RUNDLL32 shell32:x:'],
    ['rundll32.exe shell32.dll,Control_RunDLL', 'rundll64 a:b:'],
  ],
  [
    '(?:[Pp]rogram[Dd]ata|%(?:[Ll]ocal)?[Aa]pp[Dd]ata%|\\\\[Aa]pp[Dd]ata\\\\(?:[Ll]ocal(?:[Ll]ow)?|[Rr]oaming))\\\\[^\\\\]{1,256}$',
    ['C:\\ProgramData\\evil.exe', '%LocalAppData%\\x.dll', 'C:\\Users\\bob\\AppData\\LocalLow\\a.bin'],
    ['C:\\ProgramData\\sub\\evil.exe', 'C:\\Users\\bob\\AppData\\Local\\', 'C:\\Windows\\a.exe'],
  ],
  ['[^/]{100,}$', [`/tmp/${'a'.repeat(100)}`], [`/tmp/${'a'.repeat(99)}`, `${'a'.repeat(150)}/x`]],
  [
    '\\$PSHome\\[\\s*\\d{1,3}\\s*\\]\\s*\\+\\s*\\$PSHome\\[',
    ['.($PSHome[4]+$PSHome[30]+\'x\')', '$PSHome[ 21 ] + $PSHome['],
    ['$PSHome[4]+$env:x', '$PSHOME[4]+$PSHome['],
  ],
  [
    '^C:\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$',
    ['C:\\Users\\alice\\NTUSER.DAT'],
    ['C:\\Users\\alice\\sub\\NTUSER.DAT', 'D:\\C:\\Users\\a\\NTUSER.DAT', 'C:\\Users\\alice\\NTUSER.DATx'],
  ],
  [
    '(?i)\\$\\{`?e`?n`?v`?:`?p`?a`?t`?h`?\\}',
    ['${e`N`v:pAT`h}', '${env:path}'],
    ['${env:pth}', '$env:path'],
  ],
  ['\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+', ['+'.repeat(14), 'a+b+c+d+e+f+g+h+i+j+k+l+m+n+'], ['+'.repeat(13)]],
  ['-(W|R)\\s?(\\s|"|\')([0-9a-fA-F]{2}\\s?){2,20}(\\s|"|\')', ['xxd -W "41 42 43"', "tool -R 'ab cd'"], ['tool -W "4"', 'tool -w "41 42"']],
  ['(?:\\s-[^-\\s]{0,20}i|\\s--inode\\s)', ['ls -lai /', 'ls --inode /'], ['ls -la /', 'ls --inodes']],
];

describe('sigma regex: patterns from SigmaHQ rules', () => {
  it.each(RULES)('matches %j where the rule intends and nowhere else', (pattern, matching, notMatching) => {
    const re = compileRegex(pattern);
    for (const input of matching) expect([input, re.test(input)]).toEqual([input, true]);
    for (const input of notMatching) expect([input, re.test(input)]).toEqual([input, false]);
  });

  it('compiles the catastrophic-looking SigmaHQ patterns and matches them on long command lines', () => {
    const long = `cmd /c ${'x'.repeat(5000)}`;
    expect(compileRegex('(.){200,}').test(long)).toBe(true);
    expect(compileRegex('.{1000,}').test(long)).toBe(true);
    expect(compileRegex('.{1000,}').test('short')).toBe(false);
  });
});
