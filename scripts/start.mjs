#!/usr/bin/env node
// `npm start`: `zhibu start --demo` (demo data on a new database) unless `--no-demo` is given; other
// arguments pass through (`npm start -- --no-demo --port 5301`). `zhibu start` builds the web app
// itself when its bundle is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const demo = args.includes('--demo') || args.includes('--no-demo') ? [] : ['--demo'];
const server = spawnSync(
  process.execPath,
  [join(root, 'apps/server/bin/zhibu.mjs'), 'start', ...demo, ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(server.status ?? 0);
