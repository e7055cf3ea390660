import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/createDatabase.ts';
import { auditLog, members, orgs } from '../../db/schema.ts';

export async function selectOrgLabels(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  const out: { id: number; name: string; path: string }[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    out.push(
      ...(await db
        .select({ id: orgs.id, name: orgs.name, path: orgs.path })
        .from(orgs)
        .where(inArray(orgs.id, ids.slice(i, i + 5000)))),
    );
  }
  return out;
}

export async function selectMemberNames(db: Executor, ids: number[]) {
  const out: { id: number; name: string }[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    out.push(
      ...(await db
        .select({ id: members.id, name: members.name })
        .from(members)
        .where(inArray(members.id, ids.slice(i, i + 5000)))),
    );
  }
  return out;
}

/** Active child orgs of `parentId` (or, with `scopeRoots`, the orgs at those paths) that `scopeWhere` allows. */
export async function selectChildOrgs(
  db: Executor,
  scopeWhere: SQL,
  parentId: number | null,
  scopeRoots?: string[],
) {
  let where: SQL | undefined;
  if (parentId !== null) where = eq(orgs.parentId, parentId);
  else if (scopeRoots) where = inArray(orgs.path, scopeRoots);
  else where = isNull(orgs.parentId);
  return db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(scopeWhere, where, isNull(orgs.dissolvedOn)))
    .orderBy(asc(orgs.sortOrder), asc(orgs.namePinyin), asc(orgs.id));
}

/** The newest audit entry's id: it changes with every write (all writes are audited). */
export async function lastAuditId(db: Executor): Promise<number> {
  const [row] = await db.select({ id: sql<string | null>`max(${auditLog.id})` }).from(auditLog);
  return Number(row?.id ?? 0);
}
