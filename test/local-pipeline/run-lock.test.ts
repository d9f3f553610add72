import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acquireRunLock, AlreadyRunningError } from '../../src/local-pipeline/run-lock';

describe('local pipeline: one run per checkout', () => {
  const file = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'logwarden-lock-')), 'pipeline.pid');

  it('takes the lock, and gives it back', () => {
    const lock = file();
    const release = acquireRunLock(lock);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses a second run while the first process lives, saying how to stop it', () => {
    const lock = file();
    writeFileSync(lock, `${process.ppid}\n`); // a live process other than this one
    expect(() => acquireRunLock(lock)).toThrow(AlreadyRunningError);
    expect(() => acquireRunLock(lock)).toThrow(`the local pipeline is already running (pid ${process.ppid}`);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const lock = file();
    writeFileSync(lock, '2147483646\n');
    const release = acquireRunLock(lock);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    release();
  });
});
