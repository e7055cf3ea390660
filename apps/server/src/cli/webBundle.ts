import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './cliError.ts';

/** The repository (or installed package) root: apps/server/src/cli → ../../../.. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface WebBundlePaths {
  /** Folder the server serves (apps/web/dist). */
  dist: string;
  /** Source folders the bundle is built from; a bundle older than any file in them is stale. */
  sources: string[];
  /** The build tool; without it (an install without dev dependencies) nothing can be built. */
  builder: string;
}

export function webBundlePaths(root = REPO_ROOT): WebBundlePaths {
  // A prebuilt bundle named by ZHIBU_WEB_DIST is served as it is: no sources, nothing to build.
  const prebuilt = process.env.ZHIBU_WEB_DIST;
  if (prebuilt)
    return { dist: resolve(prebuilt), sources: [], builder: join(root, 'no-builder-for-prebuilt') };
  return {
    dist: join(root, 'apps/web/dist'),
    sources: [join(root, 'apps/web/src'), join(root, 'packages/shared/src')],
    builder: join(root, 'node_modules/vite/package.json'),
  };
}

/** What `zhibu start` does about the web app before it opens the database. */
export type WebBundleDecision =
  | { action: 'serve' }
  | { action: 'build'; reason: 'missing' | 'stale' }
  /** Stale, but no build tool here: serve the old bundle and say so. */
  | { action: 'serveStale' }
  | { action: 'refuse'; message: string };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export const BUILD_COMMAND = 'npm run build';

/**
 * Serve a bundle that is at least as new as its sources; build one that is missing or stale when
 * the build tool is installed; refuse (with the command to run) when there is nothing to serve and
 * nothing to build it with.
 */
export function decideWebBundle(paths: WebBundlePaths): WebBundleDecision {
  const index = join(paths.dist, 'index.html');
  const sources = paths.sources.filter((dir) => existsSync(dir));
  const canBuild = existsSync(paths.builder) && sources.length > 0;
  if (!existsSync(index)) {
    if (canBuild) return { action: 'build', reason: 'missing' };
    return {
      action: 'refuse',
      message: `找不到 Web 界面（${index}），且本机无法构建它。请在仓库根目录运行 npm ci && ${BUILD_COMMAND} 后再启动（或直接运行 npm start）`,
    };
  }
  const builtAt = statSync(index).mtimeMs;
  const isStale = sources.some((dir) => newestMtime(dir) > builtAt);
  if (!isStale) return { action: 'serve' };
  return canBuild ? { action: 'build', reason: 'stale' } : { action: 'serveStale' };
}

/** Builds the web app with the workspace's own build script; throws CliError when it fails. */
function buildWebApp(root: string): void {
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new CliError(
      `Web 界面构建失败（退出码 ${build.status ?? '未知'}）。请查看上面的输出，修复后运行 ${BUILD_COMMAND}`,
    );
  }
}

/** Makes sure `dist` holds a current web app before the server starts (`zhibu start`, `npm start`). */
export function ensureWebBundle(
  root = REPO_ROOT,
  build: (root: string) => void = buildWebApp,
  say: (line: string) => void = console.log,
): WebBundleDecision {
  const decision = decideWebBundle(webBundlePaths(root));
  if (decision.action === 'refuse') throw new CliError(decision.message);
  if (decision.action === 'build') {
    say(
      decision.reason === 'missing'
        ? '正在构建 Web 界面（首次启动需要约半分钟）……'
        : 'Web 界面的源代码有更新，正在重新构建……',
    );
    build(root);
  }
  if (decision.action === 'serveStale')
    say('注意：Web 界面的源代码比已构建的版本新，但本机没有构建工具，将使用旧版本');
  return decision;
}
