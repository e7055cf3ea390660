import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `zhibu start` as a user runs it: a child process on a fresh data dir, a prebuilt web bundle.
const bin = resolve(import.meta.dirname, '../../../bin/zhibu.mjs');
let dir: string;
let blocker: Server;
let port: number;
const children: ChildProcess[] = [];

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ZHIBU_WEB_DIST: join(dir, 'dist'), LOG_LEVEL: 'warn' };
  for (const key of [
    'DATABASE_URL',
    'ZHIBU_ADMIN_PASSWORD',
    'PORT',
    'HOST',
    'ZHIBU_DATA_DIR',
    'ZHIBU_SECRET_KEY',
  ])
    delete env[key];
  return env;
}

function start(args: string[]) {
  const child = spawn(process.execPath, [bin, 'start', ...args], { env: childEnv() });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const output = () => ({ stdout, stderr });
  /** Resolves with the output once the server says it started; rejects if the process ends first. */
  const started = new Promise<{ stdout: string; stderr: string }>((done, fail) => {
    child.stdout?.on('data', () => {
      if (stdout.includes('已启动') && stdout.includes('系统管理员')) done(output());
    });
    void exited.then((code) => fail(new Error(`exited ${code}: ${stderr}`)));
  });
  // A run that is expected to fail never awaits `started`.
  started.catch(() => {});
  return { child, exited, output, started };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-start-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>支部</title>');
  blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  const address = blocker.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  blocker.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('zhibu start', () => {
  it('refuses a busy port in Chinese, naming PORT, before creating the data dir or the administrator; the next start shows the password and serves the app', async () => {
    const data = join(dir, 'data');
    const refused = start(['--data', data, '--port', String(port)]);
    expect(await refused.exited).toBe(1);
    const { stderr } = refused.output();
    expect(stderr).toContain(`端口 ${port} 已被占用`);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(data)).toBe(false);

    await new Promise<void>((done) => blocker.close(() => done()));
    const run = start(['--data', data, '--port', String(port)]);
    const { stdout } = await run.started;
    expect(stdout).toMatch(/初始密码 Zb-\S+/);
    expect(stdout).not.toContain('演示数据');
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>支部</title>');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', isDemo: false });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 300_000);
});
