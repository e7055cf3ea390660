import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNull,
  like,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Scope } from '../../access/scope.ts';
import { scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { members, orgs } from '../../db/schema.ts';
import { isPinyinQuery, searchKeyPattern } from '../../lib/pinyinKeys.ts';
import { inSubtree } from './orgPath.ts';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgListRow = OrgRow & { hasChildren: boolean; memberCount: number };

// Correlated subqueries name the outer table explicitly: drizzle renders bare column names in
// select lists, which inside a subquery would bind to the inner table.
const listColumns = {
  ...getTableColumns(orgs),
  hasChildren: sql<boolean>`exists(select 1 from orgs child where child.parent_id = orgs.id and child.dissolved_on is null)`,
  memberCount: sql<number>`(select count(*)::int from members m where ${inSubtree(sql`m.org_path`, sql`orgs.path`)} and m.left_on is null)`,
};

export interface OrgListQuery {
  scope: Scope;
  q?: string;
  parentId?: number;
  /** Only the topmost orgs the scope reaches (the tree's starting nodes). */
  scopeRootsOnly?: boolean;
  includeDissolved?: boolean;
  limit: number;
  offset: number;
}

function listConditions(query: OrgListQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [scopeCondition(orgs.path, query.scope)];
  if (!query.includeDissolved) where.push(isNull(orgs.dissolvedOn));
  if (query.parentId !== undefined) where.push(eq(orgs.parentId, query.parentId));
  if (query.q) {
    const q = query.q;
    const ors: SQL[] = [ilike(orgs.name, `%${escapeLike(q)}%`), ilike(orgs.shortName, `%${escapeLike(q)}%`)];
    if (isPinyinQuery(q)) ors.push(like(orgs.nameSearch, searchKeyPattern(q)));
    where.push(or(...ors));
  }
  if (query.scopeRootsOnly) {
    if (query.scope.kind === 'all') where.push(isNull(orgs.parentId));
    else where.push(inArray(orgs.path, query.scope.paths));
  }
  return and(...where);
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

export async function selectOrgPage(db: Executor, query: OrgListQuery) {
  const where = listConditions(query);
  const [items, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(orgs)
      .where(where)
      .orderBy(asc(orgs.depth), asc(orgs.sortOrder), asc(orgs.namePinyin), asc(orgs.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(orgs).where(where),
  ]);
  return { items: items as OrgListRow[], total: total?.n ?? 0 };
}

export async function selectOrgById(db: Executor, id: number, scope: Scope): Promise<OrgListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(orgs)
    .where(and(eq(orgs.id, id), scopeCondition(orgs.path, scope)));
  return row as OrgListRow | undefined;
}

/** The org row alone (no subtree counts), if it lies in the scope. */
export async function selectOrgRowById(db: Executor, id: number, scope: Scope): Promise<OrgRow | undefined> {
  const [row] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), scopeCondition(orgs.path, scope)));
  return row;
}

/** Locks the row for the rest of the transaction (moves and edits must not interleave). */
export async function selectOrgForUpdate(
  db: Executor,
  id: number,
  scope: Scope,
): Promise<OrgRow | undefined> {
  const [row] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), scopeCondition(orgs.path, scope)))
    .for('update');
  return row;
}

export async function selectOrgNames(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgs.id, name: orgs.name, depth: orgs.depth })
    .from(orgs)
    .where(inArray(orgs.id, ids));
}

export async function nextOrgIds(db: Executor, n: number): Promise<number[]> {
  const result = await db.execute(
    sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::bigint as id from generate_series(1, ${n})`,
  );
  return (result as unknown as { rows: { id: string | number }[] }).rows.map((r) => Number(r.id));
}

/** Active orgs in scope whose full or short name is exactly `name`. */
export async function selectOrgsByName(db: Executor, name: string, scope: Scope) {
  return db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name, type: orgs.type })
    .from(orgs)
    .where(
      and(
        or(eq(orgs.name, name), eq(orgs.shortName, name)),
        isNull(orgs.dissolvedOn),
        scopeCondition(orgs.path, scope),
      ),
    )
    .limit(5);
}

export async function countActiveContents(db: Executor, org: OrgRow) {
  const [children] = await db
    .select({ n: count() })
    .from(orgs)
    .where(and(eq(orgs.parentId, org.id), isNull(orgs.dissolvedOn)));
  const [people] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.orgId, org.id), isNull(members.leftOn)));
  return { children: children?.n ?? 0, members: people?.n ?? 0 };
}

/** The distinct types of an org's active children, and its parent's type (null at the top). */
export async function selectTypeNeighbours(db: Executor, org: Pick<OrgRow, 'id' | 'parentId'>) {
  const children = await db
    .selectDistinct({ type: orgs.type })
    .from(orgs)
    .where(and(eq(orgs.parentId, org.id), isNull(orgs.dissolvedOn)));
  const [parent] =
    org.parentId === null
      ? []
      : await db.select({ type: orgs.type }).from(orgs).where(eq(orgs.id, org.parentId));
  return { parentType: parent?.type ?? null, childTypes: children.map((c) => c.type) };
}
