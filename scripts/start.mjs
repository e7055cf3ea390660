#!/usr/bin/env node
// `npm start`: build the web app when its bundle is missing or older than its sources, then start
// the server with demo data on a new database. Extra arguments pass through to `zhibu start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'apps/web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = [join(root, 'apps/web/src'), join(root, 'packages/shared/src')];
const stale = !existsSync(dist) || sources.some((dir) => newestMtime(dir) > statSync(dist).mtimeMs);
if (stale) {
  console.log('正在构建 Web 界面（首次启动需要约半分钟）……');
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const args = process.argv.slice(2);
const server = spawnSync(
  process.execPath,
  [join(root, 'apps/server/bin/zhibu.mjs'), 'start', ...(args.length > 0 ? args : ['--demo'])],
  { cwd: root, stdio: 'inherit' },
);
process.exit(server.status ?? 0);
