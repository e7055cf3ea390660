import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/zhibu.mjs');

async function zhibu(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { timeout: 110_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('zhibu dues calc', () => {
  it('answers the fixed JSON shape (3000.01 元 employed → 1 % of the whole base)', async () => {
    const res = await zhibu('dues', 'calc', '--category', 'employed', '--base', '3000.01', '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      category: 'employed',
      baseFen: 300_001,
      rate: 0.01,
      monthlyFen: 3000,
      citation: '《关于中国共产党党费收缴、使用和管理的规定》第一、二条',
    });
  }, 60_000);

  it('prints Chinese for people and refuses bad input in Chinese with exit 1', async () => {
    const bad = [
      ['--category', 'employed', '--base', 'abc'],
      ['--category', 'employed', '--base', '-5'],
      ['--category', 'hardship_reduced', '--base', '100'],
      ['--category', 'employed'],
    ];
    // In parallel: each run starts a Node process that compiles the sources.
    const [human, fixed, ...refused] = await Promise.all([
      zhibu('dues', 'calc', '--category', 'retired', '--base', '5000'),
      zhibu('dues', 'calc', '--category', 'student', '--base', '0', '--json'),
      ...bad.map((args) => zhibu('dues', 'calc', ...args, '--json')),
    ]);
    expect(human?.code).toBe(0);
    expect(human?.stdout).toContain('每月应交：25.00 元');
    expect(human?.stdout).toContain('第五条');
    expect(JSON.parse(fixed?.stdout ?? '')).toMatchObject({ rate: null, monthlyFen: 20 });
    refused.forEach((res, i) => {
      expect(res.code, bad[i]?.join(' ')).toBe(1);
      expect(res.stderr).toMatch(/^错误：/);
      expect(res.stdout).toBe('');
    });
  }, 120_000);
});
