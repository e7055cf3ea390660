/**
 * The same member-structure summary built two other ways on the same rows, in the same database:
 *
 * - `ancestors`: the design common in open-source party-building systems (RuoYi-style `sys_dept`):
 *   each org keeps its parent id and a comma-separated `ancestors` string, a subtree is
 *   `ancestors LIKE '%,id,%'` (no index can serve it), and members point at their org by id only.
 * - `rollup`: a prototype of the maintained rollup the DESIGN calls for: every org holds the counts
 *   of its whole subtree, so a dashboard reads one org's few dozen rows whatever the subtree's size.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/createDatabase.ts';
import { rowsOf } from '../../apps/server/src/lib/serviceContext.ts';
import { idsOnPath } from '../../apps/server/src/modules/orgs/orgPath.ts';
import {
  ageBandSql,
  foldStructureCells,
  memberStructureSql,
  rowsOfCells,
  type StructureCount,
  type StructureDimension,
} from '../../apps/server/src/modules/stats/stats.queries.ts';

const csvField = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
export const csvLine = (fields: (string | number | null)[]) => `${fields.map(csvField).join(',')}\n`;

/** Copies the rows of `orgs` and `members` into the ancestors design (bench_ tables). Returns ms. */
export async function buildAncestorsBaseline(database: Database): Promise<number> {
  const t0 = performance.now();
  const { db } = database;
  await db.execute(sql.raw('drop table if exists bench_members_flat, bench_org_ancestors'));
  await db.execute(
    sql.raw(`create table bench_org_ancestors (
      id bigint primary key, parent_id bigint, ancestors text not null, category text not null)`),
  );
  const orgs = rowsOf<{ id: string; parent_id: string | null; path: string; category: string }>(
    await db.execute(sql`select id, parent_id, path, category from orgs`),
  );
  // RuoYi keeps '0,100,101'; wrapped in commas here so that the match is a plain LIKE '%,id,%'.
  let csv = '';
  for (const o of orgs) {
    const ancestors = [0, ...idsOnPath(o.path).slice(0, -1)].join(',');
    csv += csvLine([o.id, o.parent_id, `,${ancestors},`, o.category]);
  }
  await database.copyCsv('bench_org_ancestors', ['id', 'parent_id', 'ancestors', 'category'], csv);
  await db.execute(sql.raw('create index bench_org_ancestors_parent_idx on bench_org_ancestors (parent_id)'));
  // Members as wide as ours (every column but the copied org path), pointing at their org by id.
  const columns = rowsOf<{ column_name: string }>(
    await db.execute(
      sql`select column_name from information_schema.columns
          where table_schema = current_schema() and table_name = 'members' and column_name <> 'org_path'
          order by ordinal_position`,
    ),
  ).map((c) => `"${c.column_name}"`);
  await db.execute(
    sql.raw(`create table bench_members_flat as select ${columns.join(', ')} from members order by id`),
  );
  await db.execute(sql.raw('alter table bench_members_flat add primary key (id)'));
  await db.execute(sql.raw('create index bench_members_flat_org_idx on bench_members_flat (org_id)'));
  await db.execute(sql.raw('analyze bench_org_ancestors'));
  await db.execute(sql.raw('analyze bench_members_flat'));
  return performance.now() - t0;
}

// grouping() is a bitmask over its arguments, the first the highest bit: the set whose bit is 0 is counted.
const DIMENSION_OF_MASK = new Map<number, StructureDimension>([
  [0b011111, 'status'],
  [0b101111, 'gender'],
  [0b110111, 'ageBand'],
  [0b111011, 'education'],
  [0b111101, 'ethnicity'],
  [0b111110, 'category'],
]);

/** The same summary (same groups, same age bands, same fold) over the ancestors design. */
export async function ancestorsStructure(database: Database, orgId: number, today: string) {
  const result = await database.db.execute(sql`select m.status, m.gender,
      ${ageBandSql(sql`m.birth_date`, today)} as age_band,
      left(m.education, 1) || '0' as education, m.ethnicity, d.category, count(*)::int as n
    from bench_members_flat m join bench_org_ancestors d on d.id = m.org_id
    where m.left_on is null and (d.id = ${orgId} or d.ancestors like ${`%,${orgId},%`})
    group by 1, 2, 3, 4, 5, 6`);
  return foldStructureCells(rowsOfCells(result));
}

/** zhibu's own SQL (stats.queries.ts), run directly on this process's connection. */
export async function directStructure(
  database: Database,
  query: Parameters<typeof memberStructureSql>[0],
): Promise<StructureCount[]> {
  return foldStructureCells(rowsOfCells(await database.db.execute(memberStructureSql(query))));
}

/**
 * Builds the rollup prototype from scratch: own counts per org in one grouped pass, added up the
 * tree in memory, loaded with COPY. Age bands are as of `today` (a kept rollup would count birth
 * months instead and sum the bands at read time, so that it does not go stale). Returns ms.
 */
export async function buildRollup(database: Database, today: string): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const { db } = database;
  await db.execute(sql.raw('drop table if exists bench_member_rollup'));
  await db.execute(
    sql.raw(
      'create table bench_member_rollup (org_id bigint not null, dimension text not null, key text, n integer not null)',
    ),
  );
  const own = rowsOf<{ org_id: string; mask: number; key: string | null; n: number }>(
    await db.execute(sql`select org_id, grouping(status, gender, age_band, education, ethnicity, category)::int as mask,
        coalesce(status, gender, age_band, education, ethnicity, category) as key, count(*)::int as n
      from (
        select m.org_id, m.status, m.gender, ${ageBandSql(sql`m.birth_date`, today)} as age_band,
          left(m.education, 1) || '0' as education, m.ethnicity, o.category
        from members m join orgs o on o.id = m.org_id
        where m.left_on is null
      ) s
      group by grouping sets ((org_id, status), (org_id, gender), (org_id, age_band), (org_id, education),
        (org_id, ethnicity), (org_id, category))`),
  );
  const paths = new Map(
    rowsOf<{ id: string; path: string }>(await db.execute(sql`select id, path from orgs`)).map((r) => [
      Number(r.id),
      r.path,
    ]),
  );
  const totals = new Map<number, Map<string, number>>();
  for (const r of own) {
    const dimension = DIMENSION_OF_MASK.get(Number(r.mask));
    const path = paths.get(Number(r.org_id));
    if (!dimension || !path) continue;
    const key = `${dimension}\u0000${r.key ?? ''}`;
    for (const ancestor of idsOnPath(path)) {
      let counts = totals.get(ancestor);
      if (!counts) {
        counts = new Map();
        totals.set(ancestor, counts);
      }
      counts.set(key, (counts.get(key) ?? 0) + Number(r.n));
    }
  }
  let csv = '';
  let rows = 0;
  for (const [orgId, counts] of totals) {
    for (const [key, n] of counts) {
      const [dimension, value] = key.split('\u0000');
      csv += csvLine([orgId, dimension ?? '', value === '' || value === undefined ? null : value, n]);
      rows += 1;
    }
  }
  await database.copyCsv('bench_member_rollup', ['org_id', 'dimension', 'key', 'n'], csv);
  await db.execute(sql.raw('create index bench_member_rollup_org_idx on bench_member_rollup (org_id)'));
  await db.execute(sql.raw('analyze bench_member_rollup'));
  return { ms: performance.now() - t0, rows };
}

/** The summary of one org read from the rollup. */
export async function rollupStructure(database: Database, orgId: number): Promise<StructureCount[]> {
  const rows = rowsOf<{ dimension: StructureDimension; key: string | null; n: number }>(
    await database.db.execute(sql`select dimension, key, n from bench_member_rollup where org_id = ${orgId}`),
  );
  return rows.map((r) => ({ dimension: r.dimension, key: r.key, n: Number(r.n) }));
}

/** Members counted by a summary (the status dimension covers everyone). */
export const totalOf = (counts: readonly StructureCount[]) =>
  counts.filter((c) => c.dimension === 'status').reduce((s, c) => s + c.n, 0);
