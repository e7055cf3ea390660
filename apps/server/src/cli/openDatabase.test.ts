import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './openDatabase.ts';

describe('lockDataDir', () => {
  it('creates a missing data directory (the key may come from the environment, so nothing else made it)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zhibu-lock-')), 'fresh', 'data');
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'zhibu.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
  });

  it('refuses a directory held by another live process, in Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibu-lock-'));
    // pid 1 is always alive.
    writeFileSync(join(dir, 'zhibu.lock'), '1');
    expect(() => lockDataDir(dir)).toThrow(/正被进程 1 使用/);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibu-lock-'));
    writeFileSync(join(dir, 'zhibu.lock'), '999999');
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'zhibu.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
  });
});
