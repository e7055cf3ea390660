import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineName } from './lib/engines.ts';
import { killChildren } from './lib/processes.ts';
import { type BenchReport, writeReport } from './lib/report.ts';
import { runBench } from './runBench.ts';

// The whole harness at a tiny scale: the shape of the results and every correctness check, never
// the timings. PostgreSQL joins when its server binaries are installed.
const engines: EngineName[] = existsSync(
  join(process.env.ZHIBU_PG_BIN ?? '/usr/lib/postgresql/15/bin', 'initdb'),
)
  ? ['pglite', 'postgres']
  : ['pglite'];

const outDir = mkdtempSync(join(tmpdir(), 'zhibu-bench-smoke-'));
afterAll(async () => {
  await killChildren();
  rmSync(outDir, { recursive: true, force: true });
});

describe('bench harness (smoke, tiny scale)', () => {
  it(`runs every case on ${engines.join(' and ')} and writes the results`, async () => {
    const report = await runBench({
      scale: 'village',
      engines,
      seed: 1,
      members: 200,
      importRows: [40],
      // Long enough for a loaded 2-core CI machine to finish some list requests on PGlite.
      listSeconds: 3,
      connections: 8,
      stats: { warmup: 1, maxIterations: 5, maxMs: 100, minIterations: 3 },
      starts: 1,
      importStartup: false,
      concurrentEngines: true,
      commandTimeoutMs: 100_000,
      log: () => {},
    });

    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    const names = report.checks.map((c) => c.name);
    for (const engine of engines) {
      const checks = report.checks.filter((c) => c.engine === engine).map((c) => c.name);
      expect(checks).toContain('move (direct SQL): every path right afterwards');
      expect(checks).toContain('move (HTTP): every path right afterwards');
      const cases = new Set(report.cases.filter((c) => c.engine === engine).map((c) => c.case));
      expect([...cases].sort()).toEqual(['footprint', 'import', 'list', 'move', 'stats']);
    }
    expect(names.length).toBeGreaterThan(0);

    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.memGiB).toBeGreaterThan(0);
    for (const c of report.cases) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          'case',
          'engine',
          'scale',
          'value',
          'unit',
          'baseline',
          'baselineValue',
          'ratio',
        ]),
      );
      expect(['import', 'stats', 'list', 'move', 'footprint']).toContain(c.case);
      expect(['rows/s', 'ms', 'requests/s', 'MB']).toContain(c.unit);
      expect(c.scale).toBe('village');
      expect(c.value, JSON.stringify(c)).toBeGreaterThan(0);
      expect(c.baselineValue, JSON.stringify(c)).toBeGreaterThan(0);
      expect(c.ratio).toBeCloseTo(c.value / c.baselineValue, 1);
    }

    const json = writeReport(report, outDir);
    const written = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(written.cases).toHaveLength(report.cases.length);
    const markdown = readFileSync(json.replace(/\.json$/, '.md'), 'utf8');
    expect(markdown).toContain('| case | engine | scale |');
    expect(markdown.split('\n').filter((l) => l.startsWith('| ')).length).toBe(report.cases.length + 1);
  }, 600_000);
});
