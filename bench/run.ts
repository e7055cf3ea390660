/**
 * `npm run bench [-- --scale village|county|city|province] [--engines pglite,postgres] [--seed N]
 *  [--members N] [--import-rows 100000,1000000] [--list-seconds S] [--out DIR]`
 * See bench/README.md for what each number means.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from './lib/engines.ts';
import { repoRoot } from './lib/processes.ts';
import { toMarkdown, writeReport } from './lib/report.ts';
import { type BenchOptions, runBench, SCALE_DEFAULTS, SCALES, type Scale } from './runBench.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'county' },
    engines: { type: 'string' },
    seed: { type: 'string', default: '1' },
    members: { type: 'string' },
    'import-rows': { type: 'string' },
    'list-seconds': { type: 'string' },
    connections: { type: 'string', default: '32' },
    starts: { type: 'string' },
    out: { type: 'string', default: resolve(repoRoot, 'bench/results') },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    'npm run bench -- [--scale village|county|city|province] [--engines pglite,postgres] [--seed N] [--members N]\n' +
      '                 [--import-rows N,N] [--list-seconds S] [--connections C] [--starts N] [--out DIR]',
  );
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const int = (v: string, label: string) => {
  if (!/^\d+$/.test(v)) fail(`${label} must be a whole number, not "${v}"`);
  return Number(v);
};

const scale = values.scale as Scale;
if (!SCALES.includes(scale)) fail(`--scale must be one of ${SCALES.join(', ')}`);
const defaults = SCALE_DEFAULTS[scale];
const engines = values.engines
  ? (values.engines.split(',').map((e) => e.trim()) as EngineName[])
  : defaults.engines;
for (const e of engines) if (!ENGINES.includes(e)) fail(`unknown engine "${e}" (pglite, postgres)`);

const options: BenchOptions = {
  scale,
  engines,
  seed: int(values.seed, '--seed'),
  members: values.members ? int(values.members, '--members') : undefined,
  importRows: values['import-rows']
    ? values['import-rows'].split(',').map((n) => int(n.trim(), '--import-rows'))
    : defaults.importRows,
  listSeconds: values['list-seconds'] ? int(values['list-seconds'], '--list-seconds') : defaults.listSeconds,
  connections: int(values.connections, '--connections'),
  stats: defaults.stats,
  starts: values.starts ? Math.max(1, int(values.starts, '--starts')) : defaults.starts,
  commandTimeoutMs: 90 * 60_000,
  log: (m) => console.error(`${new Date().toISOString().slice(11, 19)} ${m}`),
  // Long runs keep what they measured: the files are rewritten as lines come in (marked partial).
  onPartial: (partial) =>
    writeReport({ ...partial, notes: ['(partial: the run is still going)', ...partial.notes] }, values.out),
};

// Ctrl-C and kill: leave through process.exit so that children and temporary servers are cleaned up.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const report = await runBench(options);
const path = writeReport(report, values.out);
console.log(toMarkdown(report));
console.error(`wrote ${path} and ${path.replace(/\.json$/, '.md')}`);
if (report.checks.some((c) => !c.ok)) process.exitCode = 1;
