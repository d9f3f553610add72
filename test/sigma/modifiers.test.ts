import { parsePipeline } from '../../src/sigma';
import { compileDetection, detectionProblems, matches } from './rule-helpers';

function field(key: string, value: string): string {
  return `selection:\n    ${key}: ${value}\ncondition: selection`;
}

function expectMatches(key: string, value: string, good: unknown[], bad: unknown[]): void {
  const rule = compileDetection(field(key, value));
  for (const v of good) expect([v, matches(rule, { f: v })]).toEqual([v, true]);
  for (const v of bad) expect([v, matches(rule, { f: v })]).toEqual([v, false]);
}

function expectRejected(key: string, value: string, message: RegExp): void {
  const problems = detectionProblems(field(key, value));
  expect(problems.length).toBeGreaterThan(0);
  expect(problems[0]?.message).toMatch(message);
  expect(problems[0]?.field).toBe(`detection.selection.${key}`);
  expect(problems[0]?.line).toBe(7);
}

describe('sigma modifiers: generic', () => {
  it('contains matches anywhere', () => expectMatches('f|contains', "'evil'", ['an EVIL thing', 'evil'], ['evi', 'e v i l']));
  it('startswith matches at the start', () => expectMatches('f|startswith', "'adm_'", ['adm_bob', 'ADM_'], ['xadm_bob']));
  it('endswith matches at the end', () => expectMatches('f|endswith', "'\\cmd.exe'", ['C:\\Windows\\cmd.exe'], ['C:\\cmd.exe.bak', 'xcmd.exe']));
  it('contains keeps inner wildcards', () => expectMatches('f|contains', "'a*c'", ['xxabbbcxx'], ['xxcbaxx']));

  it('all requires every value', () => {
    expectMatches('f|contains|all', "['-enc', 'bypass']", ['powershell -enc AAA -ep bypass'], ['powershell -enc AAA']);
  });
  it('all rejects a single value', () => expectRejected('f|contains|all', "'-enc'", /'all' needs a list of at least two values/));

  it('exists checks presence, null included', () => {
    const present = compileDetection(field('f|exists', 'true'));
    expect(matches(present, { f: null })).toBe(true);
    expect(matches(present, { g: 1 })).toBe(false);
    const absent = compileDetection(field('f|exists', 'false'));
    expect(matches(absent, { g: 1 })).toBe(true);
    expect(matches(absent, { f: '' })).toBe(false);
  });
  it('exists rejects a non-boolean value', () => expectRejected('f|exists', "'yes'", /'exists' applies to true or false/));
  it('exists rejects keywords', () => {
    const problems = detectionProblems("selection:\n    '|exists': true\ncondition: selection");
    expect(problems[0]?.message).toMatch(/must be applied to a field/);
  });

  it('cased matches case-sensitively', () => expectMatches('f|cased', "'CaseSensitive'", ['CaseSensitive'], ['casesensitive', 'CASESENSITIVE']));
  it('cased combines with contains', () => expectMatches('f|contains|cased', "'Mimi'", ['xMimiy'], ['xmimiy']));
  it('cased rejects a regular expression', () => expectRejected('f|re|cased', "'a'", /'cased' applies to strings/));

  it('neq matches a different value', () => expectMatches('f|neq', "'admin'", ['alice', 'administrator'], ['admin', 'ADMIN']));
  it('neq with a list excludes every value', () => expectMatches('f|neq', '[a, b]', ['c'], ['a', 'b']));
  it('neq with a number', () => expectMatches('f|neq', '443', [80, '8443'], [443, '443']));
});

describe('sigma modifiers: windash', () => {
  it('matches each of the five dash characters at a word start', () => {
    expectMatches('f|windash|contains', "' -encodedcommand '", [' -encodedcommand ', ' /encodedcommand ', ' \u2013encodedcommand ', ' \u2014encodedcommand ', ' \u2015encodedcommand '], [' +encodedcommand ', ' encodedcommand ']);
  });
  it('also expands a slash written in the rule', () => expectMatches('f|windash|contains', "'/c '", ['cmd -c x', 'cmd /c x'], ['cmd _c x']));
  it('leaves dashes inside words alone', () => expectMatches('f|windash', "'x-ray'", ['x-ray'], ['x/ray', 'x\u2013ray']));
  it('rejects a boolean', () => expectRejected('f|windash', 'true', /'windash' applies to strings/));
});

describe('sigma modifiers: regular expressions', () => {
  it('re searches anywhere and is case-sensitive', () => expectMatches('f|re', "'ab+c'", ['xxabbbcxx'], ['ABBC', 'ac']));
  it('re|i ignores case', () => expectMatches('f|re|i', "'ab+c'", ['ABBC'], ['ac']));
  it('re|m makes ^ and $ match at line breaks', () => {
    expectMatches('f|re|m', "'^root$'", ['x\nroot\ny'], ['x root y']);
    expectMatches('f|re', "'^root$'", ['root'], ['x\nroot\ny']);
  });
  it('re|s lets . match newlines', () => {
    expectMatches('f|re|s', "'begin.end'", ['begin\nend'], ['beginend']);
    expectMatches('f|re', "'begin.end'", ['begin-end'], ['begin\nend']);
  });
  it('re honours a leading inline flag group', () => expectMatches('f|re', "'(?i)select.+from'", ['SELECT * FROM t'], ['select']));
  it('re takes the value verbatim (no wildcard escapes)', () => expectMatches('f|re', "'C:\\\\Temp\\\\.*\\.exe'", ['C:\\Temp\\a.exe'], ['C:Tempa.exe']));
  it('re rejects constructs outside the specification subset', () => expectRejected('f|re', "'foo(?=bar)'", /look-?ahead/i));
  it('re rejects back-references', () => expectRejected('f|re', "'(a)\\1'", /back-?reference/i));
  it('re rejects invalid syntax', () => expectRejected('f|re', "'a(b'", /./));
  it('re must come first', () => expectRejected('f|contains|re', "'a'", /'re' must be the first modifier/));
  it('regex flags need re', () => expectRejected('f|i', "'a'", /'i' is a regular expression flag and must follow 're'/));
  it('startswith anchors a regular expression', () => expectMatches('f|re|startswith', "'ab'", ['abc'], ['cab']));
  it('endswith anchors a regular expression', () => expectMatches('f|re|endswith', "'ab'", ['cab'], ['abc']));
});

describe('sigma modifiers: encodings', () => {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  it('base64 matches the encoded value', () => expectMatches('f|base64', "'secret'", [b64('secret')], [b64('Secret'), 'secret']));
  it('base64 with contains finds the encoding inside a value', () => expectMatches('f|base64|contains', "'abc'", [`x${b64('abc')}y`], ['abc']));
  it('base64 rejects wildcards', () => expectRejected('f|base64', "'sec*'", /cannot encode wildcards/));

  it('base64offset finds the value at any byte offset of an encoded string', () => {
    const good = ['http://', 'xhttp://', 'xyhttp://', 'xyzhttp://evil'].map((p) => b64(`${p}evil.example`));
    expectMatches('f|base64offset|contains', "'http://'", good, [b64('https://x'), b64('htt')]);
  });
  it('base64offset works on non-ASCII text by bytes', () => {
    const good = ['', 'a', 'ab'].map((p) => b64(`${p}Grüße aus Köln`));
    expectMatches('f|base64offset|contains', "'Grüße'", good, [b64('Gruesse')]);
  });
  it('base64offset never produces an empty alternative', () => {
    // A one-byte value has no stable encoding at two of the three offsets.
    // ("Y" and "h" remain: short values are unspecific, but never match everything.)
    expectMatches('f|base64offset|contains', "'a'", [b64('a'), b64('xxa')], ['zzzz', '']);
  });
  it('base64offset rejects wildcards', () => expectRejected('f|base64offset|contains', "'a?c'", /cannot encode wildcards/));

  const enc16 = (s: string, le = true): string => {
    const buf = Buffer.from(s, 'utf16le');
    if (!le) buf.swap16();
    return buf.toString('latin1');
  };
  it('utf16le encodes little-endian', () => expectMatches('f|utf16le|contains', "'cmd'", [enc16('run cmd')], ['cmd']));
  it('wide is utf16le', () => expectMatches('f|wide|contains', "'cmd'", [enc16('cmd')], [enc16('cmd', false)]));
  it('utf16be encodes big-endian', () => expectMatches('f|utf16be', "'cmd'", [enc16('cmd', false)], [enc16('cmd')]));
  it('utf16 prepends a byte order mark', () => expectMatches('f|utf16', "'cmd'", [`\xff\xfe${enc16('cmd')}`], [enc16('cmd')]));
  it('utf16le then base64 finds a PowerShell encoded command', () => {
    const encoded = Buffer.from('IEX (New-Object Net.WebClient).DownloadString', 'utf16le').toString('base64');
    expectMatches('f|utf16le|base64offset|contains', "'DownloadString'", [`powershell -enc ${encoded}`], ['DownloadString']);
  });
  it('utf16 encodes non-ASCII text as real UTF-16', () => {
    const encoded = Buffer.from('пароль', 'utf16le').toString('base64');
    expectMatches('f|wide|base64', "'пароль'", [encoded], [Buffer.from('пароль').toString('base64')]);
  });
  it('utf16 rejects double encoding', () => expectRejected('f|wide|utf16be', "'x'", /already byte-encoded/));
});

describe('sigma modifiers: numbers', () => {
  it('lt', () => expectMatches('f|lt', '10', [9, '9.5', -1], [10, 11, 'x']));
  it('lte', () => expectMatches('f|lte', '10', [10, '10'], [10.5]));
  it('gt', () => expectMatches('f|gt', '1024', [1025, '65535'], [1024, 80, null]));
  it('gte', () => expectMatches('f|gte', '1024', [1024], [1023]));
  it('comparisons reject strings', () => expectRejected('f|gt', "'10'", /'gt' applies to numbers/));
});

describe('sigma modifiers: time parts', () => {
  const t = '2024-03-17T04:05:06Z'; // a Sunday, ISO week 11
  it('minute', () => expectMatches('f|minute', '5', [t], ['2024-03-17T04:06:06Z']));
  it('hour', () => expectMatches('f|hour', '[0, 1, 2, 3, 4]', [t, 1710648306], ['2024-03-17T12:00:00Z']));
  it('day', () => expectMatches('f|day', '17', [t, '2024-03-17'], ['2024-03-18T00:00:00Z']));
  it('week', () => expectMatches('f|week', '11', [t, '2024-03-11T00:00:00Z'], ['2024-03-18T00:00:00Z']));
  it('month', () => expectMatches('f|month', '3', [t, 1710648306000], ['2024-04-01T00:00:00Z', 'not a date']));
  it('year', () => expectMatches('f|year', '2024', [t], ['2023-12-31T23:59:59Z']));
  it('rejects out-of-range values', () => expectRejected('f|hour', '24', /outside 0..23/));
  it('rejects non-numbers', () => expectRejected('f|month', "'march'", /applies to whole numbers/));
});

describe('sigma modifiers: cidr', () => {
  it('matches IPv4 networks', () => expectMatches('f|cidr', "'10.0.0.0/8'", ['10.1.2.3', '10.255.255.255'], ['11.0.0.1', 'not-an-ip', '10.0.0']));
  it('matches IPv6 networks', () => expectMatches('f|cidr', "'fd00:ec2::/32'", ['fd00:ec2::254', 'FD00:0EC2:0:0:0:0:0:1'], ['fd00:ec3::1', '10.0.0.1']));
  it('matches a list of networks', () => expectMatches('f|cidr', "['192.168.0.0/16', '172.16.0.0/12']", ['172.20.1.1', '192.168.9.9'], ['172.32.0.1']));
  it('matches IPv4-mapped IPv6 addresses', () => expectMatches('f|cidr', "'169.254.169.254/32'", ['::ffff:169.254.169.254', '169.254.169.254'], ['169.254.169.253']));
  it('rejects an invalid network', () => expectRejected('f|cidr', "'10.0.0.0/33'", /invalid CIDR '10\.0\.0\.0\/33': prefix length 33 exceeds 32 bits/));
  it('rejects host bits', () => expectRejected('f|cidr', "'10.0.0.1/8'", /host bits set/));
  it('rejects garbage', () => expectRejected('f|cidr', "'ten/8'", /is not an IPv4 or IPv6 address/));
});

describe('sigma modifiers: fieldref', () => {
  function ruleOf(key: string): string {
    return `selection:\n    ${key}: TargetUserName\ncondition: selection`;
  }
  it('matches equal fields', () => {
    const rule = compileDetection(ruleOf('SubjectUserName|fieldref'));
    expect(matches(rule, { SubjectUserName: 'Bob', TargetUserName: 'bob' })).toBe(true);
    expect(matches(rule, { SubjectUserName: 'bob', TargetUserName: 'alice' })).toBe(false);
    expect(matches(rule, { SubjectUserName: 'bob' })).toBe(false);
  });
  it('combines with neq', () => {
    const rule = compileDetection(ruleOf('SubjectUserName|fieldref|neq'));
    expect(matches(rule, { SubjectUserName: 'bob', TargetUserName: 'alice' })).toBe(true);
    expect(matches(rule, { SubjectUserName: 'bob', TargetUserName: 'bob' })).toBe(false);
  });
  it('combines with contains, startswith and endswith', () => {
    const event = { SubjectUserName: 'corp\\bob.admin', TargetUserName: 'bob' };
    expect(matches(compileDetection(ruleOf('SubjectUserName|fieldref|contains')), event)).toBe(true);
    expect(matches(compileDetection(ruleOf('SubjectUserName|fieldref|startswith')), event)).toBe(false);
    expect(matches(compileDetection(ruleOf('SubjectUserName|fieldref|endswith')), { ...event, SubjectUserName: 'corp\\bob' })).toBe(true);
  });
  it('rejects a wildcard field reference', () => {
    const problems = detectionProblems(`selection:\n    a|fieldref: 'b*'\ncondition: selection`);
    expect(problems[0]?.message).toMatch(/cannot contain wildcards/);
  });
});

describe('sigma modifiers: expand', () => {
  const { pipeline } = parsePipeline(
    [
      'name: site values',
      'vars:',
      "  Administrators: ['adm_*', 'Administrator']",
      "  Workstations: ['WKS-*']",
      'transformations:',
      '  - type: value_placeholders',
    ].join('\n'),
    'site.yml',
  );
  const withPipeline = (key: string, value: string) => compileDetection(field(key, value), { pipelines: pipeline === undefined ? [] : [pipeline] });

  it('fills a placeholder with every value the pipeline defines', () => {
    const rule = withPipeline('f|expand', "'%Administrators%'");
    for (const [v, want] of [['adm_bob', true], ['administrator', true], ['bob', false]] as const) expect([v, matches(rule, { f: v })]).toEqual([v, want]);
  });
  it('keeps text around placeholders and an escaped percent sign', () => {
    const rule = withPipeline('f|expand', "'\\%x %Workstations%.corp'");
    expect(matches(rule, { f: '%x WKS-17.corp' })).toBe(true);
    expect(matches(rule, { f: '%x SRV-1.corp' })).toBe(false);
  });
  it('fills placeholders inside regular expressions as escaped alternatives', () => {
    const rule = withPipeline('f|re|expand', "'^(%Administrators%)$'");
    expect(matches(rule, { f: 'Administrator' })).toBe(true);
    expect(matches(rule, { f: 'adm_bob' })).toBe(false); // regex values are literal: 'adm_*' is not a wildcard here
  });
});

describe('sigma modifiers: expand and unknown names', () => {
  it('rejects an unresolved placeholder', () => expectRejected('f|expand', "'%Administrators%'", /placeholder %Administrators% has no value/));
  it('keeps %name% literal without expand', () => expectMatches('f', "'%Administrators%'", ['%administrators%'], ['admin']));
  it('rejects an unknown modifier and suggests the closest', () => expectRejected('f|contians', "'x'", /unknown modifier 'contians' \(did you mean 'contains'\?\)/));
  it('rejects a numeric modifier on a boolean', () => expectRejected('f|lt', 'true', /'lt' applies to numbers, not to a boolean/));
});
