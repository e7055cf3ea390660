import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from './cliError.ts';
import { decideWebBundle, ensureWebBundle, type WebBundlePaths, webBundlePaths } from './webBundle.ts';

let root: string;
let paths: WebBundlePaths;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhibu-bundle-'));
  paths = webBundlePaths(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, secondsAgo: number) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(path, at, at);
}
const source = () => join(root, 'apps/web/src/main.tsx');
const index = () => join(root, 'apps/web/dist/index.html');
const builder = () => join(root, 'node_modules/vite/package.json');

describe('what zhibu start does about the web app', () => {
  it('builds a fresh clone (sources and build tool, no bundle)', () => {
    write(source(), 100);
    write(builder(), 100);
    expect(decideWebBundle(paths)).toEqual({ action: 'build', reason: 'missing' });
  });

  it('serves a bundle newer than its sources, and rebuilds one older than them', () => {
    write(builder(), 100);
    write(source(), 100);
    write(index(), 50);
    expect(decideWebBundle(paths)).toEqual({ action: 'serve' });
    write(source(), 10);
    expect(decideWebBundle(paths)).toEqual({ action: 'build', reason: 'stale' });
  });

  it('refuses in Chinese with the command to run when there is no bundle and nothing to build it with', () => {
    write(source(), 100);
    const decision = decideWebBundle(paths);
    expect(decision.action).toBe('refuse');
    expect(() =>
      ensureWebBundle(
        root,
        () => {},
        () => {},
      ),
    ).toThrow(CliError);
    expect(() =>
      ensureWebBundle(
        root,
        () => {},
        () => {},
      ),
    ).toThrow(/找不到 Web 界面.*npm run build/);
  });

  it('serves an older bundle where it cannot be rebuilt, and says so', () => {
    write(index(), 100);
    write(source(), 10);
    const said: string[] = [];
    expect(
      ensureWebBundle(
        root,
        () => {},
        (l) => said.push(l),
      ),
    ).toEqual({ action: 'serveStale' });
    expect(said.join('')).toContain('旧版本');
  });

  it('runs the build when one is needed and serves what it made', () => {
    write(source(), 100);
    write(builder(), 100);
    const built: string[] = [];
    const decision = ensureWebBundle(
      root,
      (r) => {
        built.push(r);
        write(index(), 0);
      },
      () => {},
    );
    expect(decision.action).toBe('build');
    expect(built).toEqual([root]);
    expect(decideWebBundle(paths)).toEqual({ action: 'serve' });
  });
});
