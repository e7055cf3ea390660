import { addYears } from '@zhibu/shared';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type Scope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { members, orgs } from '../../db/schema.ts';
import { inSubtree } from '../orgs/orgPath.ts';

export type StructureDimension = 'status' | 'gender' | 'ageBand' | 'education' | 'ethnicity' | 'category';

/** Age bands of the yearly statistics (党内统计公报): 35 and under, 36–45, 46–60, 61 and over. */
export const AGE_BANDS = ['le35', '36to45', '46to60', 'ge61'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface MemberStructureQuery {
  scope: Scope;
  /** Materialized path of the org whose subtree is counted; absent = the whole scope. */
  subtreePath?: string;
  /** The day ages are reckoned on (Asia/Shanghai). */
  today: string;
}

/** One count of one dimension; `key` null = not recorded. */
export interface StructureCount {
  dimension: StructureDimension;
  key: string | null;
  n: number;
}

/**
 * Scope and subtree condition; in-register members only. Repeating the range on `orgs.path` would
 * read fewer orgs with fresh planner statistics, but right after a move the new paths are not in
 * the statistics yet (PGlite never auto-analyzes): the planner then expects one row on both sides
 * and loops over the subtree's orgs for every member (measured 12× slower). Joining by key alone
 * stays fast either way.
 */
function memberWhere(query: MemberStructureQuery): SQL | undefined {
  return and(
    scopeCondition(members.orgPath, query.scope),
    query.subtreePath === undefined ? undefined : inSubtree(members.orgPath, sql`${query.subtreePath}`),
    isNull(members.leftOn),
  );
}

/** One row per combination present in the subtree; the service adds them up per dimension. */
export interface StructureCell {
  status: string;
  gender: string;
  ageBand: AgeBand;
  education: string | null;
  ethnicity: string | null;
  category: string;
  n: number;
}

/** Age band of a birth date on `today`, as SQL (the band edges are bound as dates). */
export function ageBandSql(birthDate: SQL | typeof members.birthDate, today: string): SQL {
  const le35 = addYears(today, -36);
  const le45 = addYears(today, -46);
  const le60 = addYears(today, -61);
  return sql`case when ${birthDate} > ${le35}::date then 'le35'
    when ${birthDate} > ${le45}::date then '36to45'
    when ${birthDate} > ${le60}::date then '46to60'
    else 'ge61' end`;
}

/**
 * The member-structure summary of a subtree in one pass over its members: one group per
 * combination of status, gender, age band, top-level education code (GB/T 4658: 11 and 14 count
 * as 10), ethnicity code and the category of the member's org — a few hundred groups even for a
 * province, added up per dimension in the service. One hash table is cheaper than six GROUPING
 * SETS (about a quarter less time measured on 3.6×10⁴ members), and it is plain SQL that the
 * embedded engine, PostgreSQL and the PostgreSQL-compatible domestic databases all run.
 */
export function memberStructureSql(query: MemberStructureQuery): SQL {
  return sql`select ${members.status} as status, ${members.gender} as gender,
      ${ageBandSql(members.birthDate, query.today)} as age_band,
      left(${members.education}, 1) || '0' as education, ${members.ethnicity} as ethnicity,
      ${orgs.category} as category, count(*)::int as n
    from ${members} join ${orgs} on ${orgs.id} = ${members.orgId}
    where ${memberWhere(query)}
    group by 1, 2, 3, 4, 5, 6`;
}

export async function selectMemberStructure(
  db: Executor,
  query: MemberStructureQuery,
): Promise<StructureCount[]> {
  return foldStructureCells(rowsOfCells(await db.execute(memberStructureSql(query))));
}

type CellRow = Omit<StructureCell, 'ageBand' | 'n'> & { age_band: AgeBand; n: number | string };

export function rowsOfCells(result: unknown): StructureCell[] {
  return (result as { rows: CellRow[] }).rows.map((r) => ({
    status: r.status,
    gender: r.gender,
    ageBand: r.age_band,
    education: r.education,
    ethnicity: r.ethnicity,
    category: r.category,
    n: Number(r.n),
  }));
}

/** Adds the combinations up per dimension. */
export function foldStructureCells(cells: readonly StructureCell[]): StructureCount[] {
  const totals = new Map<StructureDimension, Map<string | null, number>>();
  const add = (dimension: StructureDimension, key: string | null, n: number) => {
    let byKey = totals.get(dimension);
    if (!byKey) {
      byKey = new Map();
      totals.set(dimension, byKey);
    }
    byKey.set(key, (byKey.get(key) ?? 0) + n);
  };
  for (const c of cells) {
    add('status', c.status, c.n);
    add('gender', c.gender, c.n);
    add('ageBand', c.ageBand, c.n);
    add('education', c.education, c.n);
    add('ethnicity', c.ethnicity, c.n);
    add('category', c.category, c.n);
  }
  const counts: StructureCount[] = [];
  for (const [dimension, byKey] of totals) {
    for (const [key, n] of byKey) counts.push({ dimension, key, n });
  }
  return counts;
}

/** The org's path and name when it lies in the scope (no member count: that would scan the subtree). */
export async function selectOrgInScope(db: Executor, id: number, scope: Scope) {
  const [row] = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, id), scopeCondition(orgs.path, scope)));
  return row;
}
