import { DEFAULT_STREAM_NAMES, resolveStreamNames } from '../../src/kinesis/stream-names';

describe('kinesis: stream names', () => {
  it('uses the defaults when the variables are unset or empty', () => {
    expect(resolveStreamNames({})).toEqual(DEFAULT_STREAM_NAMES);
    expect(resolveStreamNames({ LOGWARDEN_RAW_STREAM: '' })).toEqual(DEFAULT_STREAM_NAMES);
  });

  it('reads LOGWARDEN_RAW_STREAM and LOGWARDEN_NORMALIZED_STREAM', () => {
    expect(resolveStreamNames({ LOGWARDEN_RAW_STREAM: 'prod-raw', LOGWARDEN_NORMALIZED_STREAM: 'prod.normalized' })).toEqual({ raw: 'prod-raw', normalized: 'prod.normalized' });
  });

  it('rejects a name Kinesis would refuse, naming the variable', () => {
    expect(() => resolveStreamNames({ LOGWARDEN_NORMALIZED_STREAM: 'bad name' })).toThrow(/LOGWARDEN_NORMALIZED_STREAM="bad name"/);
  });
});
