import type { OrgTypeCode } from '@zhibu/shared';
import { and, asc, eq, gt, ilike, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Scope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { jobs, orgs } from '../../db/schema.ts';
import { isPinyinQuery, searchKeyPattern } from '../../lib/pinyinKeys.ts';
import { escapeLike } from '../orgs/orgs.queries.ts';

const parent = alias(orgs, 'parent');

/** An active org a spreadsheet may name, with its parent for messages and matching. */
export interface OrgCandidate {
  id: number;
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  type: OrgTypeCode;
  parentId: number | null;
  parentName: string | null;
  parentPath: string | null;
  version: number;
  category: string;
  establishedOn: string | null;
}

/** What the import needs to know of an org it may place rows in. */
const orgCandidateColumns = {
  id: orgs.id,
  path: orgs.path,
  depth: orgs.depth,
  name: orgs.name,
  shortName: orgs.shortName,
  type: orgs.type,
  parentId: orgs.parentId,
  parentName: parent.name,
  parentPath: parent.path,
  version: orgs.version,
  category: orgs.category,
  establishedOn: orgs.establishedOn,
};

/** Active orgs in scope whose full or short name is one of `names` (spelling variants of one name). */
export async function selectOrgsNamed(db: Executor, names: string[], scope: Scope): Promise<OrgCandidate[]> {
  if (names.length === 0) return [];
  return db
    .select(orgCandidateColumns)
    .from(orgs)
    .leftJoin(parent, eq(parent.id, orgs.parentId))
    .where(
      and(
        or(inArray(orgs.name, names), inArray(orgs.shortName, names)),
        isNull(orgs.dissolvedOn),
        scopeCondition(orgs.path, scope),
      ),
    )
    .orderBy(asc(orgs.path))
    .limit(50);
}

/**
 * Active orgs in scope whose full or short name contains `fragment`: the candidates of a loose
 * match, which the resolver then compares by their name variants.
 */
export async function selectOrgsNameContaining(
  db: Executor,
  fragment: string,
  scope: Scope,
  limit: number,
): Promise<OrgCandidate[]> {
  const pattern = `%${escapeLike(fragment)}%`;
  return db
    .select(orgCandidateColumns)
    .from(orgs)
    .leftJoin(parent, eq(parent.id, orgs.parentId))
    .where(
      and(
        or(like(orgs.name, pattern), like(orgs.shortName, pattern)),
        isNull(orgs.dissolvedOn),
        scopeCondition(orgs.path, scope),
      ),
    )
    .orderBy(asc(orgs.path))
    .limit(limit);
}

/**
 * Names of the orgs with these ids, whatever the scope: only used to recognise an ancestor's name
 * as a prefix of a name typed in a spreadsheet ("XX县长堰村党支部"), never shown.
 */
export async function selectOrgNamesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgs.id, name: orgs.name, shortName: orgs.shortName })
    .from(orgs)
    .where(inArray(orgs.id, ids));
}

export interface OrgExportQuery {
  scope: Scope;
  q?: string;
}

function orgExportConditions(query: OrgExportQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [scopeCondition(orgs.path, query.scope), isNull(orgs.dissolvedOn)];
  if (query.q) {
    const q = query.q;
    const ors: SQL[] = [ilike(orgs.name, `%${escapeLike(q)}%`), ilike(orgs.shortName, `%${escapeLike(q)}%`)];
    if (isPinyinQuery(q)) ors.push(like(orgs.nameSearch, searchKeyPattern(q)));
    where.push(or(...ors));
  }
  return and(...where);
}

/** Orgs in scope for an export, in path order (every parent before its children), after `afterPath`. */
export async function selectOrgExportBatch(
  db: Executor,
  query: OrgExportQuery,
  afterPath: string,
  limit: number,
) {
  return db
    .select({
      path: orgs.path,
      name: orgs.name,
      shortName: orgs.shortName,
      type: orgs.type,
      category: orgs.category,
      establishedOn: orgs.establishedOn,
      parentName: parent.name,
      parentPath: parent.path,
    })
    .from(orgs)
    .leftJoin(parent, eq(parent.id, orgs.parentId))
    .where(and(orgExportConditions(query), gt(orgs.path, afterPath)))
    .orderBy(asc(orgs.path))
    .limit(limit);
}

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  db: Executor,
  values: { kind: string; userId: number | null; params: Record<string, unknown>; total: number },
): Promise<JobRow> {
  const [row] = await db
    .insert(jobs)
    .values({ ...values, status: 'running', processed: 0 })
    .returning();
  if (!row) throw new Error('job insert returned nothing');
  return row;
}

/** Progress of a running job; a late write never touches a job whose outcome is recorded. */
export async function updateJobProgress(db: Executor, id: number, processed: number, total: number) {
  await db
    .update(jobs)
    .set({ processed, total })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function finishJob(
  db: Executor,
  id: number,
  values: {
    status: 'done' | 'failed';
    processed: number;
    total: number;
    result: unknown;
    error: string | null;
  },
) {
  // Once: a failure noticed after the outcome was committed (say, refreshing statistics) must not
  // turn a finished import into a failed one.
  await db
    .update(jobs)
    .set({ ...values, finishedAt: new Date() })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function selectJob(db: Executor, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Bulk loads this large refresh the planner's statistics of the tables they filled. */
export const ANALYZE_AFTER_ROWS = 1000;

/**
 * Only the columns queries filter, join and sort members and events by: the ciphertexts, hashes
 * and free-text columns took about half the time (county data set, busy machine: 0.7–1.6 s
 * against 2.3–3.5 s for every column) and no plan depends on their statistics (hash look-ups go
 * through unique indexes).
 */
export async function analyzeImported(db: Executor, kind: 'orgs' | 'members'): Promise<void> {
  await db.execute(
    kind === 'orgs'
      ? sql`analyze orgs`
      : sql`analyze members (org_id, org_path, status, gender, left_on, birth_date, name_pinyin, education, ethnicity),
          member_events (member_id, kind, occurred_on)`,
  );
}
