import { createKinesisClient, isLoopbackEndpoint } from '../../src/kinesis/client';

describe('kinesis: client configuration', () => {
  it('recognises loopback endpoints', () => {
    expect(isLoopbackEndpoint('http://127.0.0.1:4577')).toBe(true);
    expect(isLoopbackEndpoint('http://localhost:4577')).toBe(true);
    expect(isLoopbackEndpoint('http://[::1]:4577')).toBe(true);
    expect(isLoopbackEndpoint('https://kinesis.eu-west-1.amazonaws.com')).toBe(false);
    expect(isLoopbackEndpoint('http://127.example.com')).toBe(false);
    expect(isLoopbackEndpoint('not a url')).toBe(false);
  });

  it('uses dummy credentials and the local region on loopback when none are configured', async () => {
    const client = createKinesisClient({ endpoint: 'http://127.0.0.1:4577', env: {} });
    expect(await client.config.region()).toBe('us-east-1');
    const credentials = await client.config.credentials();
    expect(credentials.accessKeyId).toBe('logwarden-local');
    client.destroy();
  });

  it('keeps given credentials and region', async () => {
    const client = createKinesisClient({ endpoint: 'http://127.0.0.1:4577', region: 'eu-west-1', credentials: { accessKeyId: '111122223333', secretAccessKey: 's' }, env: {} });
    expect(await client.config.region()).toBe('eu-west-1');
    expect((await client.config.credentials()).accessKeyId).toBe('111122223333');
    client.destroy();
  });

  it('uses the HTTP/1.1 handler, which kinesis-local requires', () => {
    const client = createKinesisClient({ endpoint: 'http://127.0.0.1:4577', env: {} });
    expect(client.config.requestHandler.constructor.name).toBe('NodeHttpHandler');
    client.destroy();
  });
});
