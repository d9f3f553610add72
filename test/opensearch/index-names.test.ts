import { MAX_ID_BYTES, boundedDocumentId, eventsIndexFor, eventsIndexForEvent, indexNamesFor } from '../../src/opensearch/index-names';

describe('opensearch index names', () => {
  it('names the alerts, alert-matches and daily events indices under the prefix', () => {
    expect(indexNamesFor('logwarden')).toEqual({ prefix: 'logwarden', eventsPattern: 'logwarden-events-*', alerts: 'logwarden-alerts', alertMatches: 'logwarden-alert-matches', responses: 'logwarden-responses' });
  });

  it('puts an event in the index of the UTC day of its @timestamp, whatever its offset', () => {
    expect(eventsIndexForEvent('logwarden', { '@timestamp': '2026-03-09T23:59:59.999Z' })).toBe('logwarden-events-2026.03.09');
    expect(eventsIndexFor('lw', '2026-03-10T01:30:00+02:00')).toBe('lw-events-2026.03.09');
    expect(eventsIndexFor('lw', new Date(Date.UTC(2025, 11, 31, 23, 0)))).toBe('lw-events-2025.12.31');
  });

  it('rejects a timestamp that is not a date', () => {
    expect(() => eventsIndexFor('lw', 'yesterday')).toThrow(RangeError);
  });
});

describe('opensearch document ids (checklist 21)', () => {
  it('keeps ids of up to 512 bytes unchanged', () => {
    const id = 'a'.repeat(MAX_ID_BYTES);
    expect(boundedDocumentId(id)).toBe(id);
  });

  it('bounds longer ids deterministically, counting bytes rather than characters', () => {
    const group = `/aws/lambda/${'€'.repeat(200)}`; // 612 bytes in UTF-8, 212 characters
    const bounded = boundedDocumentId(group);
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(MAX_ID_BYTES);
    expect(boundedDocumentId(group)).toBe(bounded);
    expect(boundedDocumentId(`${group}x`)).not.toBe(bounded);
    expect(bounded.startsWith('/aws/lambda/€')).toBe(true);
  });

  it('bounds a 512-character log group name id', () => {
    const id = `owner\u0000${'g'.repeat(512)}\u0000stream\u000012345`;
    expect(Buffer.byteLength(boundedDocumentId(id))).toBeLessThanOrEqual(MAX_ID_BYTES);
  });
});
