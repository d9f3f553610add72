import { redactText, redactValue } from '../../src/alerts/redact';

describe('alerts: secrets never reach an alert verbatim', () => {
  it.each([
    ['an AWS access key id', 'leaked AKIAIOSFODNN7EXAMPLE in config', 'leaked AKIA****MPLE in config'],
    ['a temporary access key id', 'key=ASIAQWERTYUIOPASDFGH', 'key=ASIA****DFGH'],
    ['a secret access key', 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key=****'],
    ['a bare secret access key', 'the secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ok', 'the secret is **** ok'],
    ['a bearer token', 'Authorization: Bearer abcdef0123456789.xyz', 'Authorization: Bearer ****'],
    ['a bearer token in text', 'sent Bearer 9f8e7d6c5b4a39281706 to upstream', 'sent Bearer **** to upstream'],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U end', 'token eyJ****(jwt) end'],
    ['a password in a URL', 'connecting to postgres://app:s3cr3t-P4ss@db.internal:5432/orders', 'connecting to postgres://app:****@db.internal:5432/orders'],
    ['a password= pair', 'login user=bob password=hunter2 from 10.0.0.1', 'login user=bob password=**** from 10.0.0.1'],
    ['a JSON-ish password pair', '{"user":"bob","password":"hunter2"}', '{"user":"bob","password":"****"}'],
    ['an api_key in a query string', 'GET /v1/items?api_key=abc123XYZ&page=2', 'GET /v1/items?api_key=****&page=2'],
  ])('masks %s', (_what, text, masked) => {
    expect(redactText(text)).toBe(masked);
  });

  it.each([
    ['a SHA-1 hash', 'commit 3f786850e387550fdab836ed7e6dc881de23001b'],
    ['a UUID', 'request 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0'],
    ['a plain sentence about passwords', 'user changed their password successfully'],
    ['an account id', 'account 111122223333'],
  ])('leaves %s alone', (_what, text) => {
    expect(redactText(text)).toBe(text);
  });

  it('masks secret-named fields whole and text everywhere in a copy, leaving the original untouched', () => {
    const event = {
      message: 'retrying with AKIAIOSFODNN7EXAMPLE',
      aws: { cloudtrail: { responseElements: { credentials: { accessKeyId: 'ASIAQWERTYUIOPASDFGH', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ', expiration: 'Dec 2, 2026' } } } },
      json: { headers: { Authorization: 'Basic dXNlcjpwYXNz', 'x-request-id': 'abc' }, list: ['password=x1', 42, null] },
      http: { request: { headers: { cookie: 'session=abc' } } },
      user: { name: 'bob', passwordLastSet: '2026-01-01' },
    };
    const before = JSON.stringify(event);
    const copy = redactValue(event) as typeof event;
    expect(JSON.stringify(event)).toBe(before);
    expect(copy.message).toBe('retrying with AKIA****MPLE');
    expect(copy.aws.cloudtrail.responseElements.credentials).toEqual({ accessKeyId: 'ASIA****DFGH', sessionToken: '****', expiration: 'Dec 2, 2026' });
    expect(copy.json.headers).toEqual({ Authorization: '****', 'x-request-id': 'abc' });
    expect(copy.json.list).toEqual(['password=****', 42, null]);
    expect(copy.http.request.headers.cookie).toBe('****');
    expect(copy.user).toEqual({ name: 'bob', passwordLastSet: '2026-01-01' });
  });

  it('redacts deeply nested and long input without recursion or blow-up', () => {
    let deep: unknown = { password: 'x' };
    for (let i = 0; i < 50_000; i++) deep = { d: deep };
    expect(() => redactValue(deep)).not.toThrow();
    const long = `${'a'.repeat(1_000_000)} password=x ${'Bearer '.repeat(10_000)}`;
    const started = Date.now();
    expect(redactText(long)).toContain('password=****');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
