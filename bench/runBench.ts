import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { todayInShanghai } from '@zhibu/shared';
import type { MemberStructureResponse } from '@zhibu/shared/api';
import type { Scope } from '../apps/server/src/access/scope.ts';
import type { Database } from '../apps/server/src/db/createDatabase.ts';
import { encodeId } from '../apps/server/src/lib/publicId.ts';
import { fastTempRoot } from '../apps/server/src/testing/postgresServer.ts';
import {
  copyRoster,
  importRoster,
  importStartupMs,
  parseRoster,
  type Roster,
  writeRoster,
} from './cases/importCase.ts';
import { loadPath } from './cases/loadCase.ts';
import { checkPaths, moveDirect, type PathCheck, pathsOk } from './cases/moveCase.ts';
import {
  ancestorsStructure,
  buildAncestorsBaseline,
  directStructure,
  scanStructure,
  totalOf,
} from './cases/structureBaselines.ts';
import { describeDataset, ensureBenchUsers, type StatsTarget } from './lib/dataset.ts';
import { type BenchEngine, type EngineName, pgliteEngine, postgresEngine } from './lib/engines.ts';
import { closeSockets, getJson, login, request } from './lib/http.ts';
import {
  type Latency,
  rssMiB,
  type SampleBudget,
  sampleInTurns,
  sampleLatency,
  summarize,
  watchRss,
} from './lib/measure.ts';
import { freePort, type RunningServer, repoRoot, runZhibu, startServer, zhibuBin } from './lib/processes.ts';
import {
  type BenchReport,
  type CaseLine,
  type Check,
  caseLine,
  type DatasetInfo,
  machine,
} from './lib/report.ts';

export type Scale = 'village' | 'county' | 'city' | 'province';
export const SCALES: readonly Scale[] = ['village', 'county', 'city', 'province'];

export interface BenchOptions {
  scale: Scale;
  engines: EngineName[];
  seed: number;
  /** Members to seed (zhibu seed --members); default: the generator's size for the scale. */
  members?: number;
  /** Sizes of the rosters imported (each a separate set of people); 0 or empty skips the case. */
  importRows: number[];
  /** Seconds of each autocannon run (list and trivial route). */
  listSeconds: number;
  connections: number;
  stats: SampleBudget;
  /** Server starts measured (the median is reported). */
  starts: number;
  /** Also time a one-row dry-run import, the fixed cost in every import (default true). */
  importStartup?: boolean;
  /** Where temporary databases go (default /dev/shm when it has room, else the OS temp dir). */
  workRoot?: string;
  /**
   * Run the engines side by side (the smoke test: quicker, but they share the CPU, so the numbers
   * mean nothing). Default: one after the other.
   */
  concurrentEngines?: boolean;
  /** Called with the report so far whenever lines were added (run.ts writes it: long runs keep what they measured). */
  onPartial?: (report: BenchReport) => void;
  /** Upper bound of any one child command (seed, import), ms. */
  commandTimeoutMs: number;
  log: (message: string) => void;
}

/** What each scale runs by default. PGlite is meant for 10²–10⁵ members, PostgreSQL from 10⁴ up. */
export const SCALE_DEFAULTS: Record<
  Scale,
  Pick<BenchOptions, 'engines' | 'importRows' | 'listSeconds' | 'stats' | 'starts'>
> = {
  village: {
    engines: ['pglite'],
    importRows: [10_000],
    listSeconds: 5,
    stats: { warmup: 3, maxIterations: 200, maxMs: 3000, minIterations: 20 },
    starts: 3,
  },
  county: {
    engines: ['pglite', 'postgres'],
    importRows: [100_000],
    listSeconds: 10,
    stats: { warmup: 3, maxIterations: 200, maxMs: 5000, minIterations: 20 },
    starts: 3,
  },
  city: {
    engines: ['postgres'],
    importRows: [100_000, 1_000_000],
    listSeconds: 10,
    stats: { warmup: 2, maxIterations: 200, maxMs: 8000, minIterations: 20 },
    starts: 3,
  },
  province: {
    engines: ['postgres'],
    importRows: [100_000, 1_000_000],
    listSeconds: 10,
    stats: { warmup: 2, maxIterations: 200, maxMs: 10_000, minIterations: 20 },
    starts: 3,
  },
};

/** A URL that no route answers: the framework's own work (routing, hooks, headers, a problem+json body). */
export const TRIVIAL_PATH = '/api/v1/bench-trivial';

const median = (xs: number[]) => summarize(xs).p50;

interface EngineRun {
  engine: EngineName;
  lines: CaseLine[];
  checks: Check[];
  dataset: DatasetInfo | null;
  notes: string[];
}

/** Runs every case on every engine of the options; cleans up children and temporary files whatever happens. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const root = options.workRoot ?? fastTempRoot();
  mkdirSync(root, { recursive: true });
  const workDir = mkdtempSync(join(root, 'zhibu-bench-'));
  // On process.exit (Ctrl-C in run.ts) the finally below does not run: remove the files anyway.
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  process.once('exit', removeWorkDir);
  const report: BenchReport = {
    machine: machine(),
    run: {
      date: new Date().toISOString().slice(0, 10),
      scale: options.scale,
      engines: options.engines,
      seed: options.seed,
      members: options.members ?? null,
      seconds: 0,
      loadAverage: { start: loadavg().map((x) => Math.round(x * 100) / 100), end: [] },
      options: {
        importRows: options.importRows,
        listSeconds: options.listSeconds,
        connections: options.connections,
        stats: options.stats,
        starts: options.starts,
      },
    },
    datasets: [],
    cases: [],
    checks: [],
    notes: [],
  };
  const outs: EngineRun[] = [];
  // The report from what the engines have measured so far, in engine order and the issue's case order.
  const assemble = () => {
    const caseOrder = ['import', 'stats', 'list', 'move', 'footprint'];
    report.cases = outs
      .flatMap((o) => o.lines)
      .sort(
        (a, b) =>
          options.engines.indexOf(a.engine) - options.engines.indexOf(b.engine) ||
          caseOrder.indexOf(a.case) - caseOrder.indexOf(b.case),
      );
    report.checks = outs.flatMap((o) => o.checks);
    report.notes = outs.flatMap((o) => o.notes);
    report.datasets = outs.flatMap((o) => (o.dataset ? [o.dataset] : []));
    report.run.seconds = Math.round((performance.now() - started) / 1000);
    report.run.loadAverage.end = loadavg().map((x) => Math.round(x * 100) / 100);
  };
  const notify = () => {
    assemble();
    options.onPartial?.(report);
  };
  const one = (name: EngineName) => {
    const dir = join(workDir, name);
    mkdirSync(dir, { recursive: true });
    const out: EngineRun = { engine: name, lines: [], checks: [], dataset: null, notes: [] };
    outs.push(out);
    outs.sort((a, b) => options.engines.indexOf(a.engine) - options.engines.indexOf(b.engine));
    return runEngine(name, dir, options, out, notify);
  };
  try {
    if (options.concurrentEngines) {
      // Settle both before cleaning up: one engine's failure must not pull the files from under the other.
      const settled = await Promise.allSettled(options.engines.map(one));
      for (const s of settled) if (s.status === 'rejected') throw s.reason;
    } else for (const name of options.engines) await one(name);
  } finally {
    process.removeListener('exit', removeWorkDir);
    removeWorkDir();
  }
  assemble();
  return report;
}

async function openEngine(name: EngineName, dir: string, scale: Scale): Promise<BenchEngine> {
  return name === 'pglite' ? pgliteEngine(dir) : postgresEngine(dir, `zhibu_bench_${scale}`);
}

interface StructureTimes {
  direct: Latency;
  ancestors: Latency;
  scan: Latency;
  http?: Latency;
}

async function runEngine(
  name: EngineName,
  dir: string,
  options: BenchOptions,
  out: EngineRun,
  notify: () => void,
): Promise<void> {
  const { log, scale } = options;
  const check = (checkName: string, ok: boolean, detail?: string) => {
    out.checks.push({ engine: name, name: checkName, ok, ...(detail ? { detail } : {}) });
    if (!ok) log(`  CHECK FAILED ${checkName}: ${detail ?? ''}`);
  };
  const push = (line: Omit<CaseLine, 'ratio' | 'engine' | 'scale'>) =>
    out.lines.push(caseLine({ ...line, engine: name, scale }));

  log(`[${name}] preparing the engine`);
  const engine = await openEngine(name, dir, scale);
  let database: Database | null = null;
  let server: RunningServer | null = null;
  try {
    // 1. Synthetic data through the CLI, as a user would make it.
    log(`[${name}] zhibu seed --scale ${scale}${options.members ? ` --members ${options.members}` : ''}`);
    const seed = await runZhibu(
      [
        'seed',
        '--scale',
        scale,
        '--seed',
        String(options.seed),
        ...(options.members ? ['--members', String(options.members)] : []),
        // Dues history plays no part in these cases and would double the seed time.
        '--no-dues',
        ...engine.dataArgs,
      ],
      { env: engine.env, timeoutMs: options.commandTimeoutMs },
    );
    if (seed.code !== 0) throw new Error(`zhibu seed failed (${seed.code}):\n${seed.stderr}\n${seed.stdout}`);
    log(`[${name}]   ${seed.stdout.trim().split('\n').slice(-3).join(' / ')}`);

    // 2. Direct phase: this process holds the database (PGlite allows one process).
    database = await engine.open();
    const data = await describeDataset(database);
    const listScope = data.targets.find((t) => t.level === 'county')?.org ?? data.root;
    const listTarget = data.targets[0];
    if (!listTarget) throw new Error('no stats target');
    const users = await ensureBenchUsers(database, engine.masterKey, data, listScope);
    out.dataset = {
      engine: name,
      orgs: data.orgs,
      members: data.members,
      root: data.root.name,
      seedMs: Math.round(seed.ms),
      targets: data.targets.map((t) => ({ level: t.level, org: t.org.name, members: t.members })),
      move: data.move
        ? {
            org: data.move.org.name,
            from: data.move.from.name,
            to: data.move.to.name,
            orgs: data.move.orgs,
            members: data.move.members,
          }
        : null,
    };
    log(
      `[${name}]   ${data.orgs} orgs, ${data.members} members; targets ${data.targets.map((t) => `${t.level}:${t.members}`).join(', ')}`,
    );

    log(`[${name}] building the ancestors-LIKE baseline`);
    const ancestorsBuildMs = await buildAncestorsBaseline(database);
    const today = todayInShanghai();
    const rootScope: Scope = { kind: 'paths', paths: [data.root.path] };
    const times = new Map<StatsTarget, StructureTimes>();
    for (const target of data.targets) {
      log(`[${name}] stats direct: ${target.level} (${target.members} members)`);
      const query = { scope: rootScope, subtreePath: target.org.path, subtreeOrgId: target.org.id, today };
      const totals = {
        rollup: totalOf(await directStructure(database, query)),
        scan: totalOf(await scanStructure(database, query)),
        ancestors: totalOf(await ancestorsStructure(database, target.org.id, today)),
      };
      check(
        `stats ${target.level}: rollup, scan and ancestors count the same members`,
        totals.rollup === target.members &&
          totals.scan === target.members &&
          totals.ancestors === target.members,
        JSON.stringify({ expected: target.members, ...totals }),
      );
      const db = database;
      const [direct, ancestors, scan] = await sampleInTurns(
        [
          () => directStructure(db, query),
          () => ancestorsStructure(db, target.org.id, today),
          () => scanStructure(db, query),
        ],
        options.stats,
      );
      if (!direct || !ancestors || !scan) throw new Error('no samples');
      times.set(target, { direct, ancestors, scan });
    }

    const move = data.move;
    if (!move) out.notes.push(`${name}: no subtree could be moved in this tree; the move case was skipped.`);
    await database.close();
    database = null;

    // 3. Footprint baseline: the least a Node process needs to answer from the same database.
    const bareStarts: number[] = [];
    const bareRss: number[] = [];
    for (let i = 0; i < options.starts; i++) {
      const port = await freePort();
      const bare = await startServer([resolve(repoRoot, 'bench/lib/bareServer.mjs')], {
        env: { ...engine.bareEnv, BENCH_BARE_PORT: String(port) },
        port,
        timeoutMs: 60_000,
      });
      bareStarts.push(bare.coldStartMs);
      await new Promise((r) => setTimeout(r, 500));
      bareRss.push(await rssMiB(bare.pid));
      closeSockets(port);
      await bare.stop();
    }

    // 4. The server as users run it: `zhibu start` in its own process.
    const zhibuStarts: number[] = [];
    let port = 0;
    for (let i = 0; i < options.starts; i++) {
      if (server) {
        closeSockets(server.port);
        await server.stop();
      }
      port = await freePort();
      server = await startServer(
        [zhibuBin, 'start', ...engine.dataArgs, '--port', String(port), '--host', '127.0.0.1'],
        { env: engine.env, port, timeoutMs: 120_000 },
      );
      zhibuStarts.push(server.coldStartMs);
    }
    if (!server) throw new Error('server did not start');
    const running = server;
    log(`[${name}] server up (cold start ${zhibuStarts.map((ms) => Math.round(ms)).join(', ')} ms)`);
    const rootCookie = await login(port, users.rootAdmin, users.password);
    const listCookie = await login(port, users.listOfficer, users.password);
    await new Promise((r) => setTimeout(r, 1000));
    const restRss = await rssMiB(running.pid);
    const quickMs = await quickThreshold(port);

    for (const target of data.targets) {
      log(`[${name}] stats over HTTP: ${target.level}`);
      const path = `/api/v1/stats/members?orgId=${encodeId(target.org.id)}`;
      const first = await getJson(port, path, { cookie: rootCookie });
      const body = first.json as MemberStructureResponse;
      check(
        `stats ${target.level}: HTTP answers 200 with the same total`,
        first.status === 200 && body.total === target.members,
        `status ${first.status}, total ${body?.total}, expected ${target.members}`,
      );
      const t = times.get(target);
      if (t)
        t.http = await sampleLatency(async () => {
          const res = await request(port, 'GET', path, { cookie: rootCookie });
          if (res.status !== 200) throw new Error(`stats answered ${res.status}: ${res.body}`);
        }, options.stats);
    }

    // The trivial route first: requests a load leaves queued in the server would slow whatever follows.
    log(
      `[${name}] trivial route, then the member list, under load: ${options.connections} connections × ${options.listSeconds} s`,
    );
    const trivial = await loadPath(port, TRIVIAL_PATH, {
      connections: options.connections,
      seconds: options.listSeconds,
    });
    check(
      'trivial route: no connection errors, and requests completed',
      trivial.errors === 0 && trivial.total > 0,
      JSON.stringify(trivial),
    );
    await settle(port, quickMs);
    const listPath = `/api/v1/members?orgId=${encodeId(listTarget.org.id)}&status=full&gender=female&page=2&pageSize=20`;
    const probe = await getJson(port, listPath, { cookie: listCookie });
    const probeBody = probe.json as { total: number; items: unknown[] };
    check(
      'list: scoped, filtered page answers 200 with items',
      probe.status === 200 && probeBody.items.length > 0 && probeBody.total > 0,
      `status ${probe.status}, total ${probeBody?.total}`,
    );
    // The database-bound baseline: one member by primary key (GET /members/:id, same session,
    // same scope check, same DTO), the cheapest route that reads the database.
    const firstItem = (probeBody.items[0] ?? {}) as { id?: string };
    const pkPath = `/api/v1/members/${firstItem.id ?? ''}`;
    const pkProbe = await getJson(port, pkPath, { cookie: listCookie });
    check('primary-key read: answers 200', pkProbe.status === 200, `status ${pkProbe.status}`);
    const pk = await loadPath(port, pkPath, {
      connections: options.connections,
      seconds: options.listSeconds,
      cookie: listCookie,
    });
    check(
      'primary-key read: no errors or non-2xx under load, and requests completed',
      pk.non2xx === 0 && pk.errors === 0 && pk.total > 0,
      JSON.stringify(pk),
    );
    await settle(port, quickMs);
    const rssWatch = watchRss(running.pid);
    const list = await loadPath(port, listPath, {
      connections: options.connections,
      seconds: options.listSeconds,
      cookie: listCookie,
    });
    const loadRss = await rssWatch.stop();
    check(
      'list: no errors or non-2xx under load, and requests completed',
      list.non2xx === 0 && list.errors === 0 && list.total > 0,
      JSON.stringify(list),
    );
    await settle(port, quickMs);

    // Moves last, so that every read above saw the seeded tree (and fresh planner statistics).
    let moveHttpMs = Number.NaN;
    if (move) {
      log(`[${name}] move over HTTP: ${move.orgs} orgs, ${move.members} members`);
      const orgPath = `/api/v1/orgs/${encodeId(move.org.id)}`;
      const current = await getJson(port, orgPath, { cookie: rootCookie });
      const version = (current.json as { version: number }).version;
      const t0 = performance.now();
      const res = await request(port, 'POST', `${orgPath}/move`, {
        cookie: rootCookie,
        body: { parentId: encodeId(move.to.id), version },
      });
      moveHttpMs = performance.now() - t0;
      check('move (HTTP): answered 200', res.status === 200, `${res.status} ${res.body.slice(0, 300)}`);
    }
    closeSockets(port);
    await running.stop();
    server = null;

    // 5. Paths after the HTTP move, checked directly; then the move back with plain SQL (the baseline).
    let moveDirectMs = Number.NaN;
    let moveChecks: PathCheck | null = null;
    if (move) {
      database = await engine.open();
      moveChecks = await checkPaths(database, move.org, move.to);
      check(
        'move (HTTP): every path right afterwards',
        pathsOk(moveChecks, move),
        JSON.stringify(moveChecks),
      );
      log(`[${name}] move back with plain SQL`);
      moveDirectMs = await moveDirect(database, move.org, move.from);
      const back = await checkPaths(database, move.org, move.from);
      check('move (direct SQL): every path right afterwards', pathsOk(back, move), JSON.stringify(back));
      await database.close();
      database = null;
    }

    // Lines of every case but import (import lines follow each import).
    for (const target of data.targets) {
      const t = times.get(target);
      if (!t?.http) continue;
      const who = `${target.level}${target.isRoot ? ' (root)' : ''}, ${target.members.toLocaleString('en-US')} members`;
      const isProvinceRoot = target.isRoot && target.level === 'province';
      push({
        case: 'stats',
        subject: `${who}: p50 HTTP vs same SQL direct`,
        value: t.http.p50,
        unit: 'ms',
        baseline: 'same SQL run directly',
        baselineValue: t.direct.p50,
        details: { samples: t.http.n, directSamples: t.direct.n },
      });
      push({
        case: 'stats',
        subject: `${who}: p95 HTTP vs same SQL direct`,
        value: t.http.p95,
        unit: 'ms',
        baseline: 'same SQL run directly',
        baselineValue: t.direct.p95,
        ...(isProvinceRoot && name === 'postgres'
          ? { target: { text: 'p95 ≤ 50 ms', met: t.http.p95 <= 50 } }
          : {}),
        details: { httpMax: round1(t.http.max), directMax: round1(t.direct.max) },
      });
      push({
        case: 'stats',
        subject: `${who}: p95 zhibu SQL vs ancestors LIKE`,
        value: t.direct.p95,
        unit: 'ms',
        baseline: "parent id + ancestors LIKE '%,id,%'",
        baselineValue: t.ancestors.p95,
        ...(isProvinceRoot
          ? { target: { text: '≤ 0.1 (10× faster)', met: t.direct.p95 / t.ancestors.p95 <= 0.1 } }
          : {}),
        details: {
          directP50: round1(t.direct.p50),
          ancestorsP50: round1(t.ancestors.p50),
          ancestorsBuildMs: Math.round(ancestorsBuildMs),
        },
      });
      push({
        case: 'stats',
        subject: `${who}: p95 zhibu rollup vs subtree scan`,
        value: t.direct.p95,
        unit: 'ms',
        baseline: 'the same summary by one pass over the subtree’s members (index range on org_path)',
        baselineValue: t.scan.p95,
        details: { directP50: round1(t.direct.p50), scanP50: round1(t.scan.p50) },
      });
    }
    push({
      case: 'list',
      subject: `member list (scoped, filtered, page 2) vs primary-key read, ${options.connections} connections: requests/s`,
      value: list.requestsPerSecond,
      unit: 'requests/s',
      baseline: 'one member by primary key (GET /members/:id: same session, scope check and DTO)',
      baselineValue: pk.requestsPerSecond,
      target: { text: '≥ 0.5', met: list.requestsPerSecond / pk.requestsPerSecond >= 0.5 },
      details: { requests: list.total, seconds: list.seconds, listP50: list.p50, pkP50: pk.p50 },
    });
    push({
      case: 'list',
      subject: `member list vs primary-key read, ${options.connections} connections: p99 latency`,
      value: list.p99,
      unit: 'ms',
      baseline: 'primary-key read p99',
      baselineValue: pk.p99,
      target: { text: '≤ 2', met: list.p99 / pk.p99 <= 2 },
    });
    push({
      case: 'list',
      subject: `member list (scoped, filtered, page 2), ${options.connections} connections: requests/s`,
      value: list.requestsPerSecond,
      unit: 'requests/s',
      baseline: 'trivial route of the same server (404, no database)',
      baselineValue: trivial.requestsPerSecond,
      details: { requests: list.total, seconds: list.seconds, listP50: list.p50, trivialP99: trivial.p99 },
    });
    push({
      case: 'list',
      subject: `member list, ${options.connections} connections: p99 latency`,
      value: list.p99,
      unit: 'ms',
      baseline: 'trivial route p99',
      baselineValue: trivial.p99,
    });
    if (move && moveChecks) {
      push({
        case: 'move',
        subject: `re-parent ${move.orgs.toLocaleString('en-US')} orgs / ${move.members.toLocaleString('en-US')} members over HTTP`,
        value: moveHttpMs,
        unit: 'ms',
        baseline: 'the same statements run directly in one transaction (moving it back)',
        baselineValue: moveDirectMs,
        details: {
          pathsChecked: out.checks.filter((c) => c.name.startsWith('move')).every((c) => c.ok),
          orgsInTree: moveChecks.orgs,
          membersInTree: moveChecks.members,
        },
      });
    }
    push({
      case: 'footprint',
      subject: 'cold start to first answered request',
      value: median(zhibuStarts),
      unit: 'ms',
      baseline: 'bare Node HTTP server on the same database',
      baselineValue: median(bareStarts),
      details: {
        starts: zhibuStarts.map(Math.round).join(' '),
        bareStarts: bareStarts.map(Math.round).join(' '),
      },
    });
    push({
      case: 'footprint',
      subject: 'server RSS at rest',
      value: restRss,
      unit: 'MB',
      baseline: 'bare Node HTTP server on the same database',
      baselineValue: median(bareRss),
    });
    push({
      case: 'footprint',
      subject: 'server RSS under the list load (peak)',
      value: loadRss,
      unit: 'MB',
      baseline: 'bare Node HTTP server on the same database',
      baselineValue: median(bareRss),
    });
    notify();

    // 6. Roster import through the CLI, then COPY of the same rows.
    const imports: {
      roster: Roster;
      ms: number;
      copyMs: number;
      parseMs: number;
      created: number;
      errors: number;
      total: number;
    }[] = [];
    const pushImport = (i: (typeof imports)[number]) => {
      const rate = (i.roster.rows * 1000) / i.ms;
      const copyRate = (i.roster.rows * 1000) / i.copyMs;
      push({
        case: 'import',
        subject: `${i.roster.rows.toLocaleString('en-US')}-row roster: zhibu import members vs COPY`,
        value: rate,
        unit: 'rows/s',
        baseline: 'COPY of the same rows into a bare table',
        baselineValue: copyRate,
        ...(name === 'postgres' ? { target: { text: '≥ 0.5', met: rate / copyRate >= 0.5 } } : {}),
        details: {
          rows: i.roster.rows,
          files: i.roster.files.length,
          seconds: round1(i.ms / 1000),
          copySeconds: round1(i.copyMs / 1000),
          // Process start, database open and file check, paid once per file (a one-row dry run).
          ...(Number.isFinite(startupMs)
            ? {
                startupSecondsPerFile: round1(startupMs / 1000),
                rowsPerSecondAfterStartup: Math.round(
                  (i.roster.rows * 1000) / Math.max(1, i.ms - startupMs * i.roster.files.length),
                ),
              }
            : {}),
          created: i.created,
          errors: i.errors,
        },
      });
      const parseRate = (i.roster.rows * 1000) / i.parseMs;
      push({
        case: 'import',
        subject: `${i.roster.rows.toLocaleString('en-US')}-row roster: zhibu import members vs parse-only`,
        value: rate,
        unit: 'rows/s',
        baseline: 'the same files read to rows by the same xlsx reader (readRoster), no checks or writes',
        baselineValue: parseRate,
        target: { text: '≥ 0.25', met: rate / parseRate >= 0.25 },
        details: { parseSeconds: round1(i.parseMs / 1000) },
      });
    };
    let offset = 0;
    let startupMs = Number.NaN;
    const firstBranch = data.branchNames[0];
    if (firstBranch && options.importStartup !== false && options.importRows.some((n) => n > 0)) {
      startupMs = await importStartupMs(engine, dir, firstBranch, options.commandTimeoutMs);
    }
    for (const rows of options.importRows.filter((n) => n > 0)) {
      if (data.branchNames.length === 0) {
        out.notes.push(`${name}: no uniquely named branch to import into; import skipped.`);
        break;
      }
      log(`[${name}] writing a ${rows}-row roster`);
      const rosterDir = join(dir, `roster-${rows}`);
      mkdirSync(rosterDir, { recursive: true });
      const roster = await writeRoster(rosterDir, rows, offset, data.branchNames);
      offset += rows;
      log(
        `[${name}] zhibu import members (${roster.files.length} file(s), written in ${Math.round(roster.generateMs)} ms)`,
      );
      const run = await importRoster(engine, roster, options.commandTimeoutMs);
      check(
        `import ${rows}: every row read and none rejected`,
        run.total === rows && run.errors === 0 && run.created + run.updated + run.unchanged === rows,
        JSON.stringify(run),
      );
      log(`[${name}] parse-only read of the same ${rows} rows`);
      const parsed = await parseRoster(roster);
      check(`import ${rows}: parse-only read every row`, parsed.rows === rows, `${parsed.rows} rows read`);
      rmSync(rosterDir, { recursive: true, force: true });
      database = await engine.open();
      log(`[${name}] COPY of the same ${rows} rows`);
      const copyMs = await copyRoster(database, roster);
      await database.close();
      database = null;
      const result = {
        roster,
        ms: run.ms,
        copyMs,
        parseMs: parsed.ms,
        created: run.created,
        errors: run.errors,
        total: run.total,
      };
      imports.push(result);
      pushImport(result);
      notify();
    }
  } finally {
    if (server) {
      closeSockets(server.port);
      await server.stop().catch(() => {});
    }
    if (database) await database.close().catch(() => {});
    await engine.dispose().catch((e: unknown) => log(`[${name}] cleanup: ${String(e)}`));
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Waits until the server has drained what a load left queued (autocannon closes its sockets, but
 * handlers already running finish): three health checks in a row each under `quickMs`, at most 60 s.
 */
async function settle(port: number, quickMs: number) {
  const until = performance.now() + 60_000;
  let quick = 0;
  while (quick < 3 && performance.now() < until) {
    const t0 = performance.now();
    await request(port, 'GET', '/api/health', { timeoutMs: 60_000 }).catch(() => null);
    quick = performance.now() - t0 < quickMs ? quick + 1 : 0;
    if (quick === 0) await new Promise((r) => setTimeout(r, 200));
  }
}

/** Three times the median health-check latency at rest (a busy machine is slow at rest too), at least 100 ms. */
async function quickThreshold(port: number): Promise<number> {
  const samples = await sampleLatency(() => request(port, 'GET', '/api/health'), {
    warmup: 1,
    maxIterations: 5,
    maxMs: 2000,
    minIterations: 5,
  });
  return Math.max(100, 3 * samples.p50);
}
