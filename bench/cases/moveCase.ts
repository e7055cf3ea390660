import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/createDatabase.ts';
import { orgs } from '../../apps/server/src/db/schema.ts';
import { rowsOf } from '../../apps/server/src/lib/serviceContext.ts';
import { childPath } from '../../apps/server/src/modules/orgs/orgPath.ts';
import { rewriteSubtreePaths } from '../../apps/server/src/paths/movePaths.ts';
import type { OrgRef } from '../lib/dataset.ts';

/**
 * The move done directly: the same statements the service runs (path rewrite of orgs, members and
 * role assignments, then the new parent), in one transaction, without HTTP, session or audit. Returns ms.
 */
export async function moveDirect(database: Database, org: OrgRef, to: OrgRef): Promise<number> {
  const t0 = performance.now();
  await database.db.transaction(async (tx) => {
    const [current] = rowsOf<{ path: string; depth: number; version: number }>(
      await tx.execute(sql`select path, depth, version from orgs where id = ${org.id} for update`),
    );
    const [parent] = rowsOf<{ path: string; depth: number }>(
      await tx.execute(sql`select path, depth from orgs where id = ${to.id} for update`),
    );
    if (!current || !parent) throw new Error('move: org or new parent missing');
    const newPath = childPath(parent.path, org.id);
    await rewriteSubtreePaths(tx, current.path, newPath, Number(parent.depth) + 1 - Number(current.depth));
    await tx
      .update(orgs)
      .set({ parentId: to.id, version: Number(current.version) + 1, updatedAt: new Date() })
      .where(eq(orgs.id, org.id));
  });
  return performance.now() - t0;
}

export interface PathCheck {
  /** Every org's path is its parent's path plus its own label, and its depth one more. */
  orgs: number;
  badOrgs: number;
  /** Every member (and role assignment) carries its org's current path. */
  members: number;
  badMembers: number;
  badRoles: number;
  /** The moved subtree sits under the expected parent with all its orgs and members. */
  subtreeOrgs: number;
  subtreeMembers: number;
  parentIsExpected: boolean;
}

export async function checkPaths(
  database: Database,
  org: OrgRef,
  expectedParent: OrgRef,
): Promise<PathCheck> {
  const { db } = database;
  const rows = rowsOf<{ id: string; parent_id: string | null; path: string; depth: number }>(
    await db.execute(sql`select id, parent_id, path, depth from orgs`),
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  let badOrgs = 0;
  for (const r of rows) {
    const parent = r.parent_id === null ? null : byId.get(Number(r.parent_id));
    const expected = childPath(parent ? parent.path : null, Number(r.id));
    const depth = parent ? Number(parent.depth) + 1 : 0;
    if (r.path !== expected || Number(r.depth) !== depth || (r.parent_id !== null && !parent)) badOrgs += 1;
  }
  const [m] = rowsOf<{ n: number; bad: number }>(
    await db.execute(
      sql`select count(*)::int as n, count(*) filter (where m.org_path <> o.path)::int as bad
          from members m join orgs o on o.id = m.org_id`,
    ),
  );
  const [ra] = rowsOf<{ bad: number }>(
    await db.execute(
      sql`select count(*)::int as bad from role_assignments r join orgs o on o.id = r.org_id
          where r.org_path is distinct from o.path`,
    ),
  );
  const moved = byId.get(org.id);
  const parent = byId.get(expectedParent.id);
  const prefix = moved?.path ?? '\u0000';
  const [sub] = rowsOf<{ orgs: number; members: number }>(
    await db.execute(
      sql`select (select count(*)::int from orgs where path like ${`${prefix}%`}) as orgs,
                 (select count(*)::int from members where org_path like ${`${prefix}%`} and left_on is null) as members`,
    ),
  );
  return {
    orgs: rows.length,
    badOrgs,
    members: Number(m?.n ?? 0),
    badMembers: Number(m?.bad ?? 0),
    badRoles: Number(ra?.bad ?? 0),
    subtreeOrgs: Number(sub?.orgs ?? 0),
    subtreeMembers: Number(sub?.members ?? 0),
    parentIsExpected:
      !!moved && !!parent && Number(moved.parent_id) === expectedParent.id && prefix.startsWith(parent.path),
  };
}

export const pathsOk = (c: PathCheck, expected: { orgs: number; members: number }) =>
  c.badOrgs === 0 &&
  c.badMembers === 0 &&
  c.badRoles === 0 &&
  c.parentIsExpected &&
  c.subtreeOrgs === expected.orgs &&
  c.subtreeMembers === expected.members;
