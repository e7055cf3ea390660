/**
 * The same member-structure summary built two other ways on the same rows, in the same database:
 *
 * - `ancestors`: the design common in open-source party-building systems (RuoYi-style `sys_dept`):
 *   each org keeps its parent id and a comma-separated `ancestors` string, a subtree is
 *   `ancestors LIKE '%,id,%'` (no index can serve it), and members point at their org by id only.
 * - `scan`: one pass over the subtree's members by their materialized path, what zhibu ran before it
 *   kept a rollup (and still runs to check the rollup in tests).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/createDatabase.ts';
import { rowsOf } from '../../apps/server/src/lib/serviceContext.ts';
import { idsOnPath } from '../../apps/server/src/modules/orgs/orgPath.ts';
import {
  ageBandSql,
  foldStructureCells,
  rowsOfCells,
  type StructureCount,
  selectMemberStructure,
  selectMemberStructureByScan,
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

/** zhibu's own statement (the rollup read of stats.queries.ts), run directly on this process's connection. */
export async function directStructure(
  database: Database,
  query: Parameters<typeof selectMemberStructure>[1],
): Promise<StructureCount[]> {
  return selectMemberStructure(database.db, query);
}

/** The summary by one pass over the subtree's members: what zhibu did before the rollup. */
export async function scanStructure(
  database: Database,
  query: Parameters<typeof selectMemberStructureByScan>[1],
): Promise<StructureCount[]> {
  return selectMemberStructureByScan(database.db, query);
}

/** Members counted by a summary (the status dimension covers everyone). */
export const totalOf = (counts: readonly StructureCount[]) =>
  counts.filter((c) => c.dimension === 'status').reduce((s, c) => s + c.n, 0);
