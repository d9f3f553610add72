import { MAX_FLAT_VALUE_BYTES, fitFlatObjects } from '../../src/opensearch/fit-flat-objects';

describe('fitFlatObjects: making flat_object fields indexable', () => {
  it('returns the same document when nothing needs changing', () => {
    const document = { message: 'm', json: { a: 'short', nested: [{ b: 1 }] }, aws: { cloudtrail: { requestParameters: null } } };
    const fitted = fitFlatObjects(document);
    expect(fitted.document).toBe(document);
    expect(fitted.adjustments).toEqual([]);
  });

  it('cuts strings over the limit in a copy, on a character boundary, and records it', () => {
    const long = '€'.repeat(5_000); // 15,000 bytes
    const document = { message: long, json: { keep: 'k', deep: { value: long } }, logwarden: { source: 'application' } };

    const fitted = fitFlatObjects(document);

    const json = fitted.document['json'] as { keep: string; deep: { value: string } };
    expect(Buffer.byteLength(json.deep.value)).toBeLessThanOrEqual(MAX_FLAT_VALUE_BYTES);
    expect(json.deep.value).toBe('€'.repeat(2_730));
    expect(json.keep).toBe('k');
    expect(fitted.document['message']).toBe(long); // text fields have no term limit
    expect(fitted.document['logwarden']).toEqual({ source: 'application', index_adjustments: ['truncated:json'] });
    expect(document.json.deep.value).toBe(long); // the input is untouched
  });

  it('wraps a value flat_object cannot take (a string, an array of strings) as {value}', () => {
    const document = { aws: { cloudtrail: { eventName: 'X', responseElements: 'true', resources: ['a', 'b'] } } };

    const fitted = fitFlatObjects(document);

    expect(fitted.document['aws']).toEqual({ cloudtrail: { eventName: 'X', responseElements: { value: 'true' }, resources: { value: ['a', 'b'] } } });
    expect(fitted.adjustments).toEqual(['wrapped:aws.cloudtrail.responseElements', 'wrapped:aws.cloudtrail.resources']);
  });

  it('keeps arrays of objects, which flat_object accepts', () => {
    const document = { aws: { cloudtrail: { resources: [{ ARN: 'arn:aws:s3:::b' }, { ARN: 'arn:aws:s3:::c' }] } } };
    expect(fitFlatObjects(document).document).toBe(document);
  });
});
