import { alertSearchBody, matchCountBody } from '../../src/opensearch/alert-queries';

/** Every object key in a query body: the query types it uses, never the values it matches. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...keysOf(child)]);
}

describe('alert queries: structured only (checklist 39)', () => {
  it('builds bool filters of term, terms and range clauses', () => {
    expect(alertSearchBody({ since: '2026-01-01T00:00:00Z', level: ['high', 'critical'], ruleId: 'r-1', status: 'open', size: 5 })).toEqual({
      size: 5,
      track_total_hits: true,
      seq_no_primary_term: true,
      sort: [{ 'alert.last_seen': { order: 'desc', unmapped_type: 'date' } }],
      query: {
        bool: {
          filter: [
            { range: { 'alert.last_seen': { gte: '2026-01-01T00:00:00Z' } } },
            { terms: { 'rule.level': ['high', 'critical'] } },
            { term: { 'rule.id': { value: 'r-1' } } },
            { term: { 'alert.status': { value: 'open' } } },
          ],
        },
      },
    });
  });

  it.each(['*) OR (*', '" OR 1=1', 'a:b AND c', '{"script":"x"}'])('keeps %j a single exact term, never query syntax', (value) => {
    const keys = keysOf(alertSearchBody({ ruleId: value, status: value, level: value }));
    expect(keys).not.toEqual(expect.arrayContaining([expect.stringMatching(/query_string|script|wildcard|regexp|prefix|match/)]));
    expect(alertSearchBody({ ruleId: value }).query).toEqual({ bool: { filter: [{ term: { 'rule.id': { value } } }] } });
  });

  it('rejects filters outside the schema', () => {
    expect(() => alertSearchBody({ size: 100_000 })).toThrow();
    expect(() => alertSearchBody({ since: 'last tuesday' })).toThrow();
    expect(() => alertSearchBody({ ruleId: '' })).toThrow();
  });

  it('aggregates matches per alert id with min and max @timestamp', () => {
    expect(matchCountBody(['a', 'b'])).toMatchObject({
      size: 0,
      query: { bool: { filter: [{ terms: { 'alert.id': ['a', 'b'] } }] } },
      aggs: { by_alert: { terms: { field: 'alert.id', size: 2 }, aggs: { first: { min: { field: '@timestamp' } }, last: { max: { field: '@timestamp' } } } } },
    });
  });
});
