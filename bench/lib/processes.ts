import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getJson } from './http.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const zhibuBin = resolve(repoRoot, 'apps/server/bin/zhibu.mjs');

/** Every child this process started and has not seen exit; killed on the way out whatever happens. */
const live = new Set<ChildProcess>();

function killAll(signal: NodeJS.Signals) {
  for (const child of live) {
    try {
      if (child.pid !== undefined) process.kill(child.pid, signal);
    } catch {}
  }
}
process.once('exit', () => killAll('SIGKILL'));

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills the children still running (SIGTERM, then SIGKILL after `graceMs`). */
export async function killChildren(graceMs = 5000): Promise<void> {
  if (live.size === 0) return;
  const waiting = [...live].map((c) => new Promise<void>((done) => c.once('exit', () => done())));
  killAll('SIGTERM');
  const timer = setTimeout(() => killAll('SIGKILL'), graceMs);
  await Promise.all(waiting);
  clearTimeout(timer);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Tail of a stream kept for error messages (a 10⁵-row report can be large; stdout is kept whole). */
function collect(stream: NodeJS.ReadableStream | null, limit: number): () => string {
  let text = '';
  stream?.setEncoding?.('utf8');
  stream?.on('data', (chunk: string) => {
    text += chunk;
    if (text.length > limit) text = text.slice(-limit);
  });
  return () => text;
}

/** Runs `zhibu <args>` to completion (killed after `timeoutMs`), timing it from spawn to exit. */
export function runZhibu(
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CliRun> {
  const t0 = performance.now();
  const child = track(
    spawn(process.execPath, [zhibuBin, ...args], {
      cwd: repoRoot,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const stdout = collect(child.stdout, 64 * 1024 * 1024);
  const stderr = collect(child.stderr, 64 * 1024);
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(
        new Error(`zhibu ${args.slice(0, 2).join(' ')} did not finish within ${options.timeoutMs / 1000} s`),
      );
    }, options.timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout: stdout(), stderr: stderr(), ms: performance.now() - t0 });
    });
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface RunningServer {
  pid: number;
  port: number;
  /** Spawn to the first answered GET /api/health, in ms. */
  coldStartMs: number;
  /** Stops the server gracefully (SIGTERM), SIGKILL after 15 s. */
  stop(): Promise<void>;
  output(): string;
}

/**
 * Spawns a server process and waits until GET /api/health answers 200. `command` is the argv after
 * node (the zhibu CLI or the bare baseline server).
 */
export async function startServer(
  command: string[],
  options: { env: NodeJS.ProcessEnv; port: number; timeoutMs: number },
): Promise<RunningServer> {
  const t0 = performance.now();
  const child = track(
    spawn(process.execPath, command, { cwd: repoRoot, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const out = collect(child.stdout, 16 * 1024);
  const err = collect(child.stderr, 16 * 1024);
  const output = () => `${out()}\n${err()}`.trim();
  let exited = false;
  const exit = new Promise<void>((done) =>
    child.once('exit', () => {
      exited = true;
      done();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exit;
    clearTimeout(timer);
  };
  for (;;) {
    if (exited) throw new Error(`server exited before answering:\n${output()}`);
    if (performance.now() - t0 > options.timeoutMs) {
      await stop();
      throw new Error(`server did not answer within ${options.timeoutMs / 1000} s:\n${output()}`);
    }
    const res = await getJson(options.port, '/api/health', { timeoutMs: 1000 }).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const coldStartMs = performance.now() - t0;
  if (child.pid === undefined) throw new Error('server has no pid');
  return { pid: child.pid, port: options.port, coldStartMs, stop, output };
}
