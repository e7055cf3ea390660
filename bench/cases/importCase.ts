import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/createDatabase.ts';
import {
  fixtureMemberRow,
  generateRosterFixture,
} from '../../apps/server/src/modules/imports/generateRosterFixture.ts';
import { XLSX_LIMITS } from '../../apps/server/src/modules/imports/inspectXlsx.ts';
import { readRoster } from '../../apps/server/src/modules/imports/readRoster.ts';
import { MEMBER_COLUMNS } from '../../apps/server/src/modules/imports/templateColumns.ts';
import type { BenchEngine } from '../lib/engines.ts';
import { runZhibu } from '../lib/processes.ts';
import { csvLine } from './structureBaselines.ts';

/** Rows per xlsx file: `zhibu import` reads at most XLSX_LIMITS.maxRows per file, so larger sets are split. */
export const ROWS_PER_FILE = Math.min(100_000, XLSX_LIMITS.maxRows);

export interface Roster {
  rows: number;
  /** Index of the first fixture person (different sets hold different people). */
  offset: number;
  files: string[];
  orgNames: string[];
  generateMs: number;
}

/** Writes the roster as xlsx files of at most ROWS_PER_FILE rows (the imports module's fixture generator). */
export async function writeRoster(
  dir: string,
  rows: number,
  offset: number,
  orgNames: string[],
): Promise<Roster> {
  const t0 = performance.now();
  const files: string[] = [];
  for (let start = 0; start < rows; start += ROWS_PER_FILE) {
    const path = join(dir, `roster-${offset + start}.xlsx`);
    await generateRosterFixture({
      path,
      rows: Math.min(ROWS_PER_FILE, rows - start),
      orgNames,
      offset: offset + start,
    });
    files.push(path);
  }
  return { rows, offset, files, orgNames, generateMs: performance.now() - t0 };
}

interface ImportJson {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string; code: string; message: string }[];
}

export interface ImportRun {
  ms: number;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  firstError?: string;
}

/** `zhibu import members FILE --json` for each file in turn; time is spawn to exit, summed. */
export async function importRoster(
  engine: BenchEngine,
  roster: Roster,
  timeoutMs: number,
): Promise<ImportRun> {
  const sum: ImportRun = { ms: 0, total: 0, created: 0, updated: 0, unchanged: 0, errors: 0 };
  for (const file of roster.files) {
    const run = await runZhibu(['import', 'members', file, '--json', ...engine.dataArgs], {
      env: engine.env,
      timeoutMs,
    });
    if (run.code !== 0)
      throw new Error(`zhibu import members failed (${run.code}): ${run.stderr || run.stdout}`);
    const report = JSON.parse(run.stdout) as ImportJson;
    sum.ms += run.ms;
    sum.total += report.total;
    sum.created += report.created;
    sum.updated += report.updated;
    sum.unchanged += report.unchanged;
    sum.errors += report.errors.length;
    sum.firstError ??= report.errors[0]?.message;
  }
  return sum;
}

const COPY_COLUMNS = [
  'name',
  'gender',
  'id_number',
  'ethnicity',
  'birth_date',
  'education',
  'status',
  'joined_on',
  'confirmed_on',
  'org',
  'phone',
  'remark',
] as const;

/**
 * The best the database does with the same rows: one COPY into a bare table (no index, no key,
 * dates typed). The CSV is built before the clock starts. Returns ms.
 */
export async function copyRoster(database: Database, roster: Roster): Promise<number> {
  const { db } = database;
  await db.execute(sql.raw('drop table if exists bench_copy_roster'));
  await db.execute(
    sql.raw(`create table bench_copy_roster (name text, gender text, id_number text, ethnicity text,
      birth_date date, education text, status text, joined_on date, confirmed_on date, org text,
      phone text, remark text)`),
  );
  const parts: string[] = [];
  for (let n = 0; n < roster.rows; n++) {
    const i = roster.offset + n;
    const r = fixtureMemberRow(i, roster.orgNames[i % roster.orgNames.length] ?? '');
    parts.push(
      csvLine([
        r.name ?? null,
        r.gender ?? null,
        r.idNumber ?? null,
        r.ethnicity ?? null,
        r.birthDate ?? null,
        r.education ?? null,
        r.status ?? null,
        r.joinedOn ?? null,
        r.confirmedOn ?? null,
        r.org ?? null,
        r.phone ?? null,
        r.remark ?? null,
      ]),
    );
  }
  const csv = parts.join('');
  const t0 = performance.now();
  await database.copyCsv('bench_copy_roster', [...COPY_COLUMNS], csv);
  const ms = performance.now() - t0;
  await db.execute(sql.raw('drop table bench_copy_roster'));
  return ms;
}

/**
 * The fixed part of an import: process start, database open and file check, measured as a dry run
 * of a one-row roster (nothing is written). Returns ms.
 */
export async function importStartupMs(engine: BenchEngine, dir: string, orgName: string, timeoutMs: number) {
  const path = join(dir, 'roster-one-row.xlsx');
  await generateRosterFixture({ path, rows: 1, orgNames: [orgName], offset: 3_500_000 });
  const run = await runZhibu(['import', 'members', path, '--dry-run', '--json', ...engine.dataArgs], {
    env: engine.env,
    timeoutMs,
  });
  if (run.code !== 0) throw new Error(`zhibu import members --dry-run failed (${run.code}): ${run.stderr}`);
  return run.ms;
}

/**
 * The import's ceiling on this machine: the same files read to rows by the same xlsx reader the
 * import uses (`readRoster`, streaming exceljs), in this process, with no validation and no writes.
 * Returns ms and the rows read.
 */
export async function parseRoster(roster: Roster): Promise<{ ms: number; rows: number }> {
  let rows = 0;
  const t0 = performance.now();
  for (const file of roster.files) {
    for await (const event of readRoster(file, MEMBER_COLUMNS, { maxRows: XLSX_LIMITS.maxRows })) {
      if (event.kind === 'row') rows += 1;
    }
  }
  return { ms: performance.now() - t0, rows };
}
