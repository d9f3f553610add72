import { OpenSearchConfigError, readOpenSearchConfig } from '../../src/opensearch/config';

describe('opensearch config: reading the environment', () => {
  it('defaults to no auth, TLS verification, 0 replicas and the logwarden prefix for a loopback URL', () => {
    expect(readOpenSearchConfig({ OPENSEARCH_URL: 'http://127.0.0.1:9250' })).toEqual({
      url: 'http://127.0.0.1:9250',
      auth: { kind: 'none' },
      tlsVerify: true,
      indexPrefix: 'logwarden',
      replicas: 0,
      requestTimeoutMs: 30_000,
    });
  });

  it('reads sigv4 settings with the es service by default and 1 replica for a remote domain', () => {
    const config = readOpenSearchConfig({ OPENSEARCH_URL: 'https://search-logs.eu-west-1.es.amazonaws.com', OPENSEARCH_AUTH: 'sigv4', AWS_REGION: 'eu-west-1' });
    expect(config).toMatchObject({ auth: { kind: 'sigv4', region: 'eu-west-1', service: 'es' }, replicas: 1 });
  });

  it('reads basic auth, aoss, TLS verification off, replicas, timeout and prefix when given', () => {
    expect(
      readOpenSearchConfig({
        OPENSEARCH_URL: 'https://os.internal:9200',
        OPENSEARCH_AUTH: 'basic',
        OPENSEARCH_USERNAME: 'pipeline',
        OPENSEARCH_PASSWORD: 'pw',
        OPENSEARCH_TLS_VERIFY: 'false',
        OPENSEARCH_REPLICAS: '2',
        OPENSEARCH_REQUEST_TIMEOUT_MS: '5000',
        LOGWARDEN_INDEX_PREFIX: 'siem_prod',
      }),
    ).toMatchObject({ auth: { kind: 'basic', username: 'pipeline', password: 'pw' }, tlsVerify: false, replicas: 2, requestTimeoutMs: 5000, indexPrefix: 'siem_prod' });
    expect(readOpenSearchConfig({ OPENSEARCH_URL: 'https://x.aoss.amazonaws.com', OPENSEARCH_AUTH: 'sigv4', AWS_REGION: 'us-east-1', OPENSEARCH_SIGV4_SERVICE: 'aoss' }).auth).toEqual({ kind: 'sigv4', region: 'us-east-1', service: 'aoss' });
  });

  it.each([
    [{}, /OPENSEARCH_URL/],
    [{ OPENSEARCH_URL: '' }, /OPENSEARCH_URL/],
    [{ OPENSEARCH_URL: 'ftp://127.0.0.1' }, /OPENSEARCH_URL must be an http\(s\) URL/],
    [{ OPENSEARCH_URL: 'http://127.0.0.1:9200', OPENSEARCH_AUTH: 'kerberos' }, /OPENSEARCH_AUTH/],
    [{ OPENSEARCH_URL: 'https://os.example.com' }, /OPENSEARCH_AUTH is required for a non-loopback/],
    [{ OPENSEARCH_URL: 'https://os.example.com', OPENSEARCH_AUTH: 'basic', OPENSEARCH_USERNAME: 'u' }, /needs OPENSEARCH_USERNAME and OPENSEARCH_PASSWORD/],
    [{ OPENSEARCH_URL: 'https://os.example.com', OPENSEARCH_AUTH: 'sigv4' }, /needs AWS_REGION/],
    [{ OPENSEARCH_URL: 'https://os.example.com', OPENSEARCH_AUTH: 'sigv4', AWS_REGION: 'eu-west-1', OPENSEARCH_SIGV4_SERVICE: 'lambda' }, /OPENSEARCH_SIGV4_SERVICE/],
    [{ OPENSEARCH_URL: 'http://127.0.0.1:9200', OPENSEARCH_TLS_VERIFY: 'no' }, /OPENSEARCH_TLS_VERIFY/],
    [{ OPENSEARCH_URL: 'http://127.0.0.1:9200', LOGWARDEN_INDEX_PREFIX: 'Logs*' }, /LOGWARDEN_INDEX_PREFIX/],
    [{ OPENSEARCH_URL: 'http://127.0.0.1:9200', OPENSEARCH_REPLICAS: '-1' }, /OPENSEARCH_REPLICAS/],
  ])('rejects %j naming the setting', (env, message) => {
    expect(() => readOpenSearchConfig(env)).toThrow(OpenSearchConfigError);
    expect(() => readOpenSearchConfig(env)).toThrow(message);
  });

  it('never puts the password in an error message', () => {
    const read = (): unknown => readOpenSearchConfig({ OPENSEARCH_URL: 'https://os.example.com', OPENSEARCH_AUTH: 'basic', OPENSEARCH_PASSWORD: 'hunter2-secret' });
    expect(read).toThrow(OpenSearchConfigError);
    try {
      read();
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
