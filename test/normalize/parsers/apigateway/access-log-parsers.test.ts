import type { ParseOutcome } from '../../../../src/normalize/parser';
import { APIGATEWAY_PARSERS } from '../../../../src/normalize/parsers/apigateway';
import { fixtureLine, parseInput } from '../parser-inputs';

/** Runs the API Gateway parsers in order, as `normalize` does: the first outcome that is not `skip`. */
function parse(message: string): ParseOutcome {
  const input = parseInput(message, { logGroup: '/aws/apigateway/access-logs/orders' });
  for (const parser of APIGATEWAY_PARSERS) {
    const outcome = parser.parse(input);
    if (outcome.kind !== 'skip') return outcome;
  }
  throw new Error('the last API Gateway parser must not skip');
}

const lines = (file: string, count: number): string[] => Array.from({ length: count }, (_, i) => fixtureLine(`apigateway/${file}`, i));
const [JSON_HTTP_API, JSON_REST, JSON_NESTED] = lines('json-presets.txt', 3) as [string, string, string];
const [INJECTED, BROKEN_BY_QUOTE] = lines('injected.txt', 2) as [string, string];
const [CLF_A10, CLF_REST, CLF_HTTP_API_IPV6] = lines('clf-presets.txt', 3) as [string, string, string];
const [CSV_REST, CSV_HTTP_API, XML_REST] = lines('csv-xml-presets.txt', 3) as [string, string, string];
const WEB = { category: ['web'], type: ['access'] };
const ORDER_POST = {
  event: { ...WEB, outcome: 'success', start: '2025-11-28T18:03:11.000Z' },
  http: { request: { id: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', method: 'POST' }, response: { status_code: 201, body: { bytes: 112 } }, version: '1.1' },
  source: { address: '203.0.113.24', ip: '203.0.113.24' },
  related: { ip: ['203.0.113.24'] },
};
const ORDER_GET_404 = {
  event: { ...WEB, outcome: 'failure', start: '2025-11-28T18:04:20.000Z' },
  http: { request: { id: 'Qx1AbGxyzEXAMPLE=', method: 'GET' }, response: { status_code: 404, body: { bytes: 36 } }, version: '1.1' },
  url: { path: '/orders/{id}' },
  source: { address: '198.51.100.66', ip: '198.51.100.66' },
  related: { ip: ['198.51.100.66'] },
};

describe('normalize: api gateway access logs', () => {
  it.each([
    {
      when: 'an HTTP API JSON line has a route key (A10 sample)', line: JSON_HTTP_API, parser: 'apigateway-json',
      fields: { ...ORDER_POST, url: { path: '/v1/orders' }, user_agent: { original: 'curl/8.5.0' } },
    },
    { when: 'a REST JSON preset line has both request ids', line: JSON_REST, parser: 'apigateway-json', fields: ORDER_GET_404 },
    {
      when: 'a custom JSON template nests identity and authorizer claims', line: JSON_NESTED, parser: 'apigateway-json',
      fields: {
        event: { ...WEB, outcome: 'success', start: '2025-11-28T18:05:00.123Z', duration: 87_000_000 },
        http: { request: { id: 'Rz2BcHyzaEXAMPLE=', method: 'DELETE' }, response: { status_code: 204, body: { bytes: 0 } }, version: '2.0' },
        url: { path: '/prod/v1/orders/42', domain: 'api.example.com' },
        user_agent: { original: 'okhttp/4.12.0' },
        source: { address: '2001:db8:77::5', ip: '2001:db8:77::5' },
        user: { id: '0b7c8d9e-0000-4000-8000-0000000000aa', name: 'dana', email: 'dana@example.com' },
        related: { ip: ['2001:db8:77::5'], user: ['dana', '0b7c8d9e-0000-4000-8000-0000000000aa', 'dana@example.com'] },
      },
    },
    {
      when: 'a CLF line is in the A10 sample shape', line: CLF_A10, parser: 'apigateway-clf',
      fields: { ...ORDER_POST, url: { path: '/prod/v1/orders' } },
      record: { ip: '203.0.113.24', caller: '-', user: '-', requestTime: '28/Nov/2025:18:03:11 +0000', httpMethod: 'POST', resourcePath: '/prod/v1/orders', protocol: 'HTTP/1.1', status: '201', responseLength: '112', requestId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' },
    },
    {
      when: 'a CLF line follows the current REST preset (no space before the quote, extendedRequestId last)', line: CLF_REST, parser: 'apigateway-clf', fields: ORDER_GET_404,
      record: { ip: '198.51.100.66', caller: '-', user: '-', requestTime: '28/Nov/2025:18:04:20 +0000', httpMethod: 'GET', resourcePath: '/orders/{id}', protocol: 'HTTP/1.1', status: '404', responseLength: '36', requestId: 'c3d4e5f6-0000-4000-8000-000000000001', extendedRequestId: 'Qx1AbGxyzEXAMPLE=' },
    },
    {
      when: 'an HTTP API CLF line has an IPv6 client, a route key and a +0100 time', line: CLF_HTTP_API_IPV6, parser: 'apigateway-clf',
      fields: {
        event: { ...WEB, outcome: 'success', start: '2025-11-28T18:03:11.000Z' },
        http: { request: { id: 'e5f6a7b8-0000-4000-8000-000000000003', method: 'GET' }, response: { status_code: 200, body: { bytes: 2048 } }, version: '1.1' },
        url: { path: '/v1/items' },
        source: { address: '2001:db8:77::5', ip: '2001:db8:77::5' },
        related: { ip: ['2001:db8:77::5'] },
      },
      record: { ip: '2001:db8:77::5', caller: '-', user: '-', requestTime: '28/Nov/2025:19:03:11 +0100', httpMethod: 'GET', routeKey: 'GET /v1/items', protocol: 'HTTP/1.1', status: '200', responseLength: '2048', requestId: 'e5f6a7b8-0000-4000-8000-000000000003' },
    },
    {
      when: 'a CSV line follows the 11-field REST preset', line: CSV_REST, parser: 'apigateway-csv', fields: ORDER_GET_404,
      record: { ip: '198.51.100.66', caller: '-', user: '-', requestTime: '28/Nov/2025:18:04:20 +0000', httpMethod: 'GET', resourcePath: '/orders/{id}', protocol: 'HTTP/1.1', status: '404', responseLength: '36', requestId: 'c3d4e5f6-0000-4000-8000-000000000001', extendedRequestId: 'Qx1AbGxyzEXAMPLE=' },
    },
    {
      when: 'a CSV line follows the 8-field HTTP API preset', line: CSV_HTTP_API, parser: 'apigateway-csv', fields: { ...ORDER_POST, url: { path: '/v1/orders' } },
      record: { ip: '203.0.113.24', requestTime: '28/Nov/2025:18:03:11 +0000', httpMethod: 'POST', routeKey: 'POST /v1/orders', protocol: 'HTTP/1.1', status: '201', responseLength: '112', requestId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' },
    },
    {
      when: 'an XML line follows the REST preset', line: XML_REST, parser: 'apigateway-xml', fields: ORDER_GET_404,
      record: { requestId: 'c3d4e5f6-0000-4000-8000-000000000001', extendedRequestId: 'Qx1AbGxyzEXAMPLE=', ip: '198.51.100.66', caller: '-', user: '-', requestTime: '28/Nov/2025:18:04:20 +0000', httpMethod: 'GET', resourcePath: '/orders/{id}', status: '404', protocol: 'HTTP/1.1', responseLength: '36' },
    },
  ])('maps the line to ECS and keeps the record under aws.apigateway when $when', ({ line, parser, fields, record }) => {
    const expectedRecord = record ?? JSON.parse(line);
    expect(parse(line)).toEqual({ kind: 'parsed', parser, fields: { ...fields, aws: { apigateway: expectedRecord } } });
  });

  it('reports the duplicated key and maps neither of its values when a user agent injects "status" (A10)', () => {
    expect(parse(INJECTED)).toEqual({
      kind: 'parsed',
      parser: 'apigateway-json',
      duplicateKeys: ['status'],
      fields: {
        event: WEB,
        http: { request: { id: '8d2e3f4a-5b6c-4d7e-9f0a-1b2c3d4e5f6a' } },
        user_agent: { original: 'x' },
        source: { address: '198.51.100.66', ip: '198.51.100.66' },
        related: { ip: ['198.51.100.66'] },
        aws: { apigateway: { requestId: '8d2e3f4a-5b6c-4d7e-9f0a-1b2c3d4e5f6a', ip: '198.51.100.66', userAgent: 'x', status: '500', z: '' } },
      },
    });
  });

  it('reports a duplicated element of an XML line the same way', () => {
    const line = '<request id="r-1"> <ip>203.0.113.9</ip> <userAgent>x</userAgent> <status>200</status> <status>500</status> </request>';
    expect(parse(line)).toMatchObject({ kind: 'parsed', parser: 'apigateway-xml', duplicateKeys: ['status'], fields: { event: WEB, aws: { apigateway: { status: '500' } } } });
    expect((parse(line) as { fields: { http?: unknown } }).fields.http).toEqual({ request: { id: 'r-1' } });
  });

  it('keeps message-claimed pipeline fields inside aws.apigateway only', () => {
    const outcome = parse('{"requestId":"r-2","logwarden":{"source":"cloudtrail"},"event":{"id":"x"},"cloud":{"account":{"id":"999999999999"}},"__proto__":{"polluted":true}}');
    expect(outcome).toEqual({
      kind: 'parsed',
      parser: 'apigateway-json',
      fields: {
        event: WEB,
        http: { request: { id: 'r-2' } },
        aws: { apigateway: { requestId: 'r-2', logwarden: { source: 'cloudtrail' }, event: { id: 'x' }, cloud: { account: { id: '999999999999' } }, __proto___: { polluted: true } } },
      },
    });
  });

  it.each([
    ['a quote in the user agent breaks the JSON', BROKEN_BY_QUOTE, 'apigateway-json', /^invalid JSON: /],
    ['the JSON is truncated', JSON_REST.slice(0, 80), 'apigateway-json', /^invalid JSON: /],
    ['the JSON is an array', '[{"status":"200"}]', 'apigateway', /^not an API Gateway access log line in a known layout \(JSON object, CLF, CSV or XML preset\)$/],
    ['the JSON has trailing text', '{"a":1} trailing', 'apigateway-json', /^invalid JSON: /],
    ['the JSON nests 100,000 levels', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'apigateway-json', /^JSON nested deeper than 64 levels$/],
    ['a CLF line has no [requestTime]', '203.0.113.24 - - 28/Nov/2025 "GET / HTTP/1.1" 200 1 r-1', 'apigateway-clf', /^CLF access log line: no \[requestTime\]$/],
    ['a CLF line has no quoted request', '203.0.113.24 - - [28/Nov/2025:18:03:11 +0000] GET / 200 1 r-1', 'apigateway-clf', /^CLF access log line: no quoted request after \[requestTime\]$/],
    ['a CLF line has extra fields at the end', `${CLF_A10} a b`, 'apigateway-clf', /^CLF access log line: expected status, length and request ids after the request, got 5 fields$/],
    ['a CSV line has 9 fields', '203.0.113.24,a,b,c,d,e,f,g,h', 'apigateway-csv', /^CSV access log line has 9 fields; the presets have 8 \(HTTP API\), 10 or 11 \(REST\)$/],
    ['a CSV line has no status where the preset has it', '203.0.113.24,t,POST,POST /x,HTTP/1.1,OK,1,r-1', 'apigateway-csv', /^CSV access log line does not fit the 8-field preset/],
    ['an XML element is not closed', '<request id="r-1"> <ip>203.0.113.9 </request>', 'apigateway-xml', /^XML access log line: element <ip> is not closed$/],
    ['text follows the XML request', '<request id="r-1"> <ip>203.0.113.9</ip> </request> <status>200</status>', 'apigateway-xml', /^XML access log line: text after <\/request>$/],
    ['the line is in no known layout', 'GET /orders 200', 'apigateway', /^not an API Gateway access log line/],
    ['the line is empty', '', 'apigateway', /^not an API Gateway access log line/],
  ])('fails with the reason when %s', (_when, line, parser, reason) => {
    expect(parse(line)).toEqual({ kind: 'failed', parser, error: expect.stringMatching(reason) });
  });

  it('fails without throwing on binary garbage and 1 MB lines', () => {
    let seed = 13;
    const garbage = Array.from({ length: 4096 }, () => String.fromCharCode((seed = (seed * 48271) % 2147483647) % 256)).join('');
    expect(parse(garbage).kind).toBe('failed');
    expect(parse(`203.0.113.24 - - [${'x'.repeat(1 << 20)}`)).toMatchObject({ kind: 'failed', parser: 'apigateway-clf' });
    expect(parse(`<request id="r">${' <a>b</a>'.repeat(1 << 17)}`)).toMatchObject({ kind: 'failed', parser: 'apigateway-xml', error: 'XML access log line: more than 64 elements' });
  });

  it('parses a 1 MB JSON line', () => {
    const outcome = parse(JSON.stringify({ requestId: 'r-3', status: '200', userAgent: 'u'.repeat(1 << 20) }));
    expect(outcome).toMatchObject({ kind: 'parsed', fields: { http: { request: { id: 'r-3' }, response: { status_code: 200 } } } });
  });
});
