import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckpointRegressionError, memoryCheckpointStore } from '../../src/local-runner/checkpoint-store';
import { CheckpointFileError, defaultCheckpointFile, fileCheckpointStore } from '../../src/local-runner/file-checkpoint-store';

const LOW = '49590338271490256608559692538361571095921575989136588898';
const HIGH = '49590338271490256608559692538361571095921575989136588899';

function tempFile(name = 'stream.json'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'checkpoints-')), 'nested', name);
}

describe('local runner: checkpoints in a file', () => {
  it('defaults to .local/checkpoints/<stream>.json', () => {
    expect(defaultCheckpointFile('logwarden-raw')).toBe(path.join('.local', 'checkpoints', 'logwarden-raw.json'));
    expect(defaultCheckpointFile('logwarden-raw', '/repo')).toBe('/repo/.local/checkpoints/logwarden-raw.json');
  });

  it('starts with no checkpoints when the file does not exist', async () => {
    await expect(fileCheckpointStore(tempFile(), 's').load()).resolves.toEqual({});
  });

  it('persists every shard so that a new store on the same file resumes from them', async () => {
    const file = tempFile();
    const store = fileCheckpointStore(file, 's', () => new Date('2025-11-28T18:00:00Z'));
    await store.save('shardId-000000000000', LOW);
    await store.save('shardId-000000000001', HIGH);
    await expect(fileCheckpointStore(file, 's').load()).resolves.toEqual({ 'shardId-000000000000': LOW, 'shardId-000000000001': HIGH });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      stream: 's',
      updatedAt: '2025-11-28T18:00:00.000Z',
      shards: { 'shardId-000000000000': LOW, 'shardId-000000000001': HIGH },
    });
  });

  it('keeps the saves of concurrent shards and leaves no temporary files behind', async () => {
    const file = tempFile();
    const store = fileCheckpointStore(file, 's');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(`shardId-${String(i).padStart(12, '0')}`, String(1_000 + i))));
    expect(Object.keys(await fileCheckpointStore(file, 's').load())).toHaveLength(20);
    expect(readdirSync(path.dirname(file))).toEqual(['stream.json']);
  });

  it('moves a checkpoint forward by sequence value, not string order', async () => {
    const store = fileCheckpointStore(tempFile(), 's');
    await store.save('shardId-000000000000', '9');
    await store.save('shardId-000000000000', '10');
    await expect(store.load()).resolves.toEqual({ 'shardId-000000000000': '10' });
  });

  it('refuses to move a checkpoint backwards', async () => {
    const file = tempFile();
    const store = fileCheckpointStore(file, 's');
    await store.save('shardId-000000000000', HIGH);
    await expect(store.save('shardId-000000000000', LOW)).rejects.toThrow(CheckpointRegressionError);
    await expect(fileCheckpointStore(file, 's').load()).resolves.toEqual({ 'shardId-000000000000': HIGH });
  });

  it.each([
    ['is not JSON', '{"version": 1,', /is not JSON/],
    ['has the wrong shape', JSON.stringify({ version: 2, stream: 's', updatedAt: '2025-11-28T18:00:00Z', shards: {} }), /is not a checkpoint file \(version/],
    ['holds something that is not a sequence number', JSON.stringify({ version: 1, stream: 's', updatedAt: '2025-11-28T18:00:00Z', shards: { a: 'latest' } }), /shards\.a: a Kinesis sequence number/],
    ['belongs to another stream', JSON.stringify({ version: 1, stream: 'other', updatedAt: '2025-11-28T18:00:00Z', shards: {} }), /checkpoints of stream other, not s/],
  ])('stops with a clear error, instead of starting over, when the file %s', async (_name, content, message) => {
    const file = tempFile();
    await fileCheckpointStore(file, 's').save('shardId-000000000000', LOW);
    writeFileSync(file, content);
    const error = await fileCheckpointStore(file, 's').load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(file);
  });
});

describe('local runner: checkpoints in memory', () => {
  it('starts from the given checkpoints and moves forward only', async () => {
    const store = memoryCheckpointStore({ a: '5' });
    await store.save('a', '6');
    await store.save('b', '1');
    await expect(store.load()).resolves.toEqual({ a: '6', b: '1' });
    await expect(store.save('a', '2')).rejects.toThrow(CheckpointRegressionError);
  });
});
