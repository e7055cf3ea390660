import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { EngineName } from './engines.ts';

export type CaseName = 'import' | 'stats' | 'stats-rollup' | 'list' | 'move' | 'footprint';
export type Unit = 'rows/s' | 'ms' | 'requests/s' | 'MB';

/** One measured number against the best the same database (or server) does in the same run. */
export interface CaseLine {
  case: CaseName;
  engine: EngineName;
  scale: string;
  /** What was measured, e.g. "county p95: HTTP vs same SQL direct". */
  subject: string;
  value: number;
  unit: Unit;
  baseline: string;
  baselineValue: number;
  /** value / baselineValue, in the case's own unit. */
  ratio: number;
  /** The issue's target for this line, when it has one (not asserted). */
  target?: { text: string; met: boolean };
  details?: Record<string, string | number | boolean | null>;
}

/** A correctness check made during the run (paths after a move, totals that must agree …). */
export interface Check {
  engine: EngineName;
  name: string;
  ok: boolean;
  detail?: string;
}

export interface DatasetInfo {
  engine: EngineName;
  orgs: number;
  members: number;
  root: string;
  seedMs: number;
  targets: { level: string; org: string; members: number }[];
  move: { org: string; from: string; to: string; orgs: number; members: number } | null;
}

export interface BenchReport {
  machine: { cores: number; memGiB: number; cpu?: string; node?: string };
  run: {
    date: string;
    scale: string;
    engines: EngineName[];
    seed: number;
    members: number | null;
    seconds: number;
    /** 1, 5 and 15-minute load averages when the run started and ended: how busy the machine was. */
    loadAverage: { start: number[]; end: number[] };
    options: Record<string, unknown>;
  };
  datasets: DatasetInfo[];
  cases: CaseLine[];
  checks: Check[];
  notes: string[];
}

export function machine(): BenchReport['machine'] {
  const cpu = cpus();
  return {
    cores: cpu.length,
    memGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpu: cpu[0]?.model,
    node: process.version,
  };
}

export function caseLine(line: Omit<CaseLine, 'ratio'>): CaseLine {
  const ratio = line.baselineValue > 0 ? line.value / line.baselineValue : Number.NaN;
  return { ...line, value: tidy(line.value), baselineValue: tidy(line.baselineValue), ratio: tidy(ratio, 4) };
}

function tidy(x: number, significant = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(x))));
  const f = 10 ** Math.min(digits, 6);
  return Math.round(x * f) / f;
}

const fmt = (x: number) =>
  !Number.isFinite(x) ? '—' : Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(x);

export function toMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(`# zhibu bench — ${report.run.scale}, ${report.run.date}`);
  lines.push('');
  lines.push(
    `Machine: ${m.cores} cores, ${m.memGiB} GiB${m.cpu ? `, ${m.cpu}` : ''}${m.node ? `, Node ${m.node}` : ''}. ` +
      `Engines: ${report.run.engines.join(', ')}. Seed ${report.run.seed}. Run took ${Math.round(report.run.seconds)} s; ` +
      `load average ${report.run.loadAverage.start.join(' ')} at the start, ${report.run.loadAverage.end.join(' ')} at the end.`,
  );
  lines.push('');
  for (const d of report.datasets) {
    lines.push(
      `- **${d.engine}**: ${fmt(d.orgs)} orgs, ${fmt(d.members)} members under ${d.root} (seeded in ${fmt(Math.round(d.seedMs / 1000))} s). ` +
        `Stats targets: ${d.targets.map((t) => `${t.level} ${t.org} (${fmt(t.members)})`).join('; ')}. ` +
        (d.move
          ? `Move: ${d.move.org} (${fmt(d.move.orgs)} orgs, ${fmt(d.move.members)} members).`
          : 'Move: none.'),
    );
  }
  lines.push('');
  lines.push(
    '| case | engine | scale | subject | value | unit | baseline | baseline value | ratio | target |',
  );
  lines.push('|---|---|---|---|--:|---|---|--:|--:|---|');
  for (const c of report.cases) {
    const target = c.target ? `${c.target.text} ${c.target.met ? '✅' : '❌'}` : '';
    lines.push(
      `| ${c.case} | ${c.engine} | ${c.scale} | ${c.subject} | ${fmt(c.value)} | ${c.unit} | ${c.baseline} | ${fmt(c.baselineValue)} | ${fmt(c.ratio)} | ${target} |`,
    );
  }
  lines.push('');
  const failed = report.checks.filter((c) => !c.ok);
  lines.push(
    `Checks: ${report.checks.length - failed.length}/${report.checks.length} passed` +
      (failed.length
        ? ` — FAILED: ${failed.map((c) => `${c.engine} ${c.name} (${c.detail ?? ''})`).join('; ')}`
        : '.'),
  );
  if (report.notes.length > 0) {
    lines.push('');
    for (const n of report.notes) lines.push(`- ${n}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Writes `<dir>/<date>-<scale>.json` and `.md`; returns the JSON path. */
export function writeReport(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${report.run.date}-${report.run.scale}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, toMarkdown(report));
  return `${base}.json`;
}
