import { compileDetection, detectionProblems, matches } from './rule-helpers';

describe('sigma detection: maps, lists and values', () => {
  it('ANDs the fields of a map', () => {
    const d = `
      selection:
          EventID: 4688
          Image: 'C:\\Windows\\System32\\whoami.exe'
      condition: selection`;
    expect(matches(d, { EventID: 4688, Image: 'C:\\Windows\\System32\\whoami.exe' })).toBe(true);
    expect(matches(d, { EventID: 4688, Image: 'C:\\Windows\\System32\\cmd.exe' })).toBe(false);
    expect(matches(d, { Image: 'C:\\Windows\\System32\\whoami.exe' })).toBe(false);
  });

  it('ORs the values of a list', () => {
    const d = `
      selection:
          EventID:
              - 517
              - 1102
      condition: selection`;
    expect(matches(d, { EventID: 1102 })).toBe(true);
    expect(matches(d, { EventID: 517 })).toBe(true);
    expect(matches(d, { EventID: 4624 })).toBe(false);
  });

  it('ORs the maps of a list of maps', () => {
    const d = `
      selection:
          - Image|endswith: '\\example.exe'
          - Description|contains: 'Test executable'
      condition: selection`;
    expect(matches(d, { Image: 'C:\\x\\example.exe' })).toBe(true);
    expect(matches(d, { Description: 'A Test executable here' })).toBe(true);
    expect(matches(d, { Image: 'C:\\x\\other.exe', Description: 'nothing' })).toBe(false);
  });

  it('matches strings case-insensitively by default', () => {
    const d = `
      selection:
          User: 'Administrator'
      condition: selection`;
    expect(matches(d, { User: 'ADMINISTRATOR' })).toBe(true);
    expect(matches(d, { User: 'administrators' })).toBe(false);
  });

  it('folds case correctly for non-ASCII text', () => {
    const d = `
      selection:
          - Name: 'ΣΊΣΥΦΟΣ'
          - City|contains: 'straße'
          - Word: 'привет'
      condition: selection`;
    expect(matches(d, { Name: 'σίσυφος' })).toBe(true); // final sigma folds like sigma
    expect(matches(d, { City: 'Hauptstraße 5' })).toBe(true);
    expect(matches(d, { City: 'HAUPTSTRASSE 5' })).toBe(false); // ß is not "ss" under simple folding
    expect(matches(d, { Word: 'ПРИВЕТ' })).toBe(true);
    expect(matches(d, { Word: 'пока' })).toBe(false);
  });

  it('compares rule numbers with event numbers and decimal strings', () => {
    const d = `
      selection:
          EventID: 4624
      condition: selection`;
    expect(matches(d, { EventID: 4624 })).toBe(true);
    expect(matches(d, { EventID: '4624' })).toBe(true);
    expect(matches(d, { EventID: 46240 })).toBe(false);
    expect(matches(d, { EventID: '4624x' })).toBe(false);
  });

  it('compares rule strings with the text of event numbers and booleans', () => {
    const d = `
      selection:
          - EventID: '4624'
          - Enabled: 'true'
      condition: selection`;
    expect(matches(d, { EventID: 4624 })).toBe(true);
    expect(matches(d, { Enabled: true })).toBe(true);
    expect(matches(d, { Enabled: false })).toBe(false);
  });

  it('matches booleans against booleans and their text', () => {
    const d = `
      selection:
          mfa: false
      condition: selection`;
    expect(matches(d, { mfa: false })).toBe(true);
    expect(matches(d, { mfa: 'False' })).toBe(true);
    expect(matches(d, { mfa: true })).toBe(false);
    expect(matches(d, {})).toBe(false);
  });

  it('treats null as a missing or null field', () => {
    const d = `
      selection:
          EventID: 4738
      filter:
          PasswordLastSet: null
      condition: selection and not filter`;
    expect(matches(d, { EventID: 4738, PasswordLastSet: '2024-01-01' })).toBe(true);
    expect(matches(d, { EventID: 4738, PasswordLastSet: null })).toBe(false);
    expect(matches(d, { EventID: 4738 })).toBe(false);
  });

  it("matches '' only against an empty string, not a missing field", () => {
    const d = `
      selection:
          FieldB: ''
      condition: selection`;
    expect(matches(d, { FieldB: '' })).toBe(true);
    expect(matches(d, { FieldB: 'x' })).toBe(false);
    expect(matches(d, {})).toBe(false);
  });

  it('rejects null inside a list of values, as the specification requires', () => {
    const problems = detectionProblems(`
      selection:
          FieldB:
              - ''
              - null
      condition: selection`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('detection.selection.FieldB');
    expect(problems[0]?.message).toMatch(/null cannot be part of a list/);
  });

  it('rejects a map as a field value and an empty list', () => {
    const problems = detectionProblems(`
      selection:
          Nested:
              a: b
          Empty: []
      condition: selection`);
    expect(problems.map((p) => p.field).sort()).toEqual(['detection.selection.Empty', 'detection.selection.Nested']);
  });
});

describe('sigma detection: fields', () => {
  it('reads nested fields by dotted path', () => {
    const d = `
      selection:
          userIdentity.type: Root
      condition: selection`;
    expect(matches(d, { userIdentity: { type: 'Root' } })).toBe(true);
    expect(matches(d, { userIdentity: { type: 'IAMUser' } })).toBe(false);
  });

  it('prefers a flat key containing dots over the nested path', () => {
    const d = `
      selection:
          user.name: alice
      condition: selection`;
    expect(matches(d, { 'user.name': 'alice' })).toBe(true);
    expect(matches(d, { 'user.name': 'bob', user: { name: 'alice' } })).toBe(false);
    expect(matches(d, { user: { name: 'alice' } })).toBe(true);
  });

  it('resolves mixed flat and nested keys', () => {
    const d = `
      selection:
          aws.cloudtrail.eventName: DeleteTrail
      condition: selection`;
    expect(matches(d, { aws: { 'cloudtrail.eventName': 'DeleteTrail' } })).toBe(true);
    expect(matches(d, { 'aws.cloudtrail': { eventName: 'DeleteTrail' } })).toBe(true);
  });

  it('accepts field names with spaces', () => {
    const d = `
      selection:
          New Value: 'enabled'
      condition: selection`;
    expect(matches(d, { 'New Value': 'Enabled' })).toBe(true);
    expect(matches(d, { NewValue: 'Enabled' })).toBe(false);
  });

  it('matches when any element of an array matches', () => {
    const d = `
      selection:
          tags|contains: admin
          resources.type: 'AWS::IAM::Role'
      condition: selection`;
    expect(matches(d, { tags: ['user', 'superadmin'], resources: [{ type: 'AWS::S3::Bucket' }, { type: 'AWS::IAM::Role' }] })).toBe(true);
    expect(matches(d, { tags: ['user'], resources: [{ type: 'AWS::IAM::Role' }] })).toBe(false);
  });

  it('does not match objects against string values', () => {
    const d = `
      selection:
          requestParameters: '*'
      condition: selection`;
    expect(matches(d, { requestParameters: { a: 1 } })).toBe(false);
    expect(matches(d, { requestParameters: 'x' })).toBe(true);
  });

  it('treats field names case-sensitively', () => {
    const d = `
      selection:
          eventName: DeleteTrail
      condition: selection`;
    expect(matches(d, { eventName: 'DeleteTrail' })).toBe(true);
    expect(matches(d, { EventName: 'DeleteTrail' })).toBe(false);
  });
});

describe('sigma detection: keywords', () => {
  it('searches every string and number value, recursively and case-insensitively', () => {
    const d = `
      keywords:
          - 'event::clear'
          - 'svchost.exe -n evil'
      condition: keywords`;
    expect(matches(d, { message: 'mimikatz # EVENT::Clear done' })).toBe(true);
    expect(matches(d, { deep: { list: [{ cmd: 'C:\\svchost.exe -n evil' }] } })).toBe(true);
    expect(matches(d, { message: 'event clear' })).toBe(false);
  });

  it('finds numbers in keyword search', () => {
    const d = `
      keywords:
          - 31337
      condition: keywords`;
    expect(matches(d, { port: 31337 })).toBe(true);
    expect(matches(d, { message: 'connect to port 31337' })).toBe(true);
    expect(matches(d, { port: 3133 })).toBe(false);
  });

  it("requires every keyword with '|all'", () => {
    const d = `
      keywords_cmdlet:
          '|all':
              - 'OabVirtualDirectory'
              - ' -ExternalUrl '
      condition: keywords_cmdlet`;
    expect(matches(d, { cmd: 'Set-OabVirtualDirectory -ExternalUrl http://x' })).toBe(true);
    expect(matches(d, { a: 'Set-OabVirtualDirectory', b: 'x -ExternalUrl y' })).toBe(true);
    expect(matches(d, { cmd: 'Set-OabVirtualDirectory' })).toBe(false);
  });

  it('applies wildcards inside keywords', () => {
    const d = `
      keywords:
          - 'union*select'
      condition: keywords`;
    expect(matches(d, { q: "1' UNION ALL SELECT password" })).toBe(true);
    expect(matches(d, { q: 'select ... union' })).toBe(false);
  });

  it('accepts a plain keyword value', () => {
    const rule = compileDetection(`
      keywords: 'sekurlsa::logonpasswords'
      condition: keywords`);
    expect(matches(rule, { m: 'x sekurlsa::logonpasswords y' })).toBe(true);
    expect(matches(rule, { m: 'sekurlsa' })).toBe(false);
  });

  it('rejects a null keyword', () => {
    const problems = detectionProblems(`
      keywords:
          - null
      condition: keywords`);
    expect(problems[0]?.message).toMatch(/null/);
  });
});

describe('sigma detection: wildcards and escaping', () => {
  const cases: [string, string, string[], string[]][] = [
    // [rule value (YAML single-quoted), description, matching texts, non-matching texts]
    ['prog?.exe', '? matches exactly one character', ['progA.exe', 'prog1.exe'], ['prog.exe', 'progAB.exe']],
    ['antivirus_V*.exe', '* matches any run', ['antivirus_V1.exe', 'antivirus_V21.2.1.exe', 'antivirus_V.exe'], ['antivirus_W1.exe']],
    ['C:\\Windows\\\\*', 'a lone backslash before another character stays literal', ['C:\\Windows\\x'], ['C:Windowsx']],
    ['C:\\Windows\\*', 'a backslash before a wildcard escapes it', ['C:\\Windows*'], ['C:\\Windows\\x']],
    ['C:\\\\Windows', 'double backslash is one backslash', ['C:\\Windows'], ['C:\\\\Windows']],
    ['100\\*', 'escaped star is literal', ['100*'], ['1000']],
    ['what\\?', 'escaped question mark is literal', ['what?'], ['whatx']],
    ['C:\\\\*', 'escaped backslash before a wildcard keeps the wildcard', ['C:\\anything'], ['D:\\x']],
    ['a\\\\\\*', 'three backslashes: literal backslash and literal star', ['a\\*'], ['a\\x']],
    ['a\\\\\\\\b', 'four backslashes are two', ['a\\\\b'], ['a\\b']],
    ['a\\\\\\b', 'three backslashes before a plain character are two', ['a\\\\b'], ['a\\b']],
    ['end\\', 'a trailing backslash is literal', ['end\\'], ['end']],
    ['😀?', '? consumes a whole code point', ['😀😀', '😀a'], ['😀']],
  ];
  it.each(cases)("'%s': %s", (value, _why, good, bad) => {
    const rule = compileDetection(`
      selection:
          f: '${value}'
      condition: selection`);
    for (const text of good) expect([text, matches(rule, { f: text })]).toEqual([text, true]);
    for (const text of bad) expect([text, matches(rule, { f: text })]).toEqual([text, false]);
  });
});
