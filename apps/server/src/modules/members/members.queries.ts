import type { GenderCode, MemberStatusCode } from '@zhibu/shared';
import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gt,
  ilike,
  inArray,
  isNull,
  like,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Scope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { memberEvents, members, orgs, users } from '../../db/schema.ts';
import { isPinyinQuery, searchKeyPattern } from '../../lib/pinyinKeys.ts';
import { escapeLike } from '../orgs/orgs.queries.ts';

export type MemberRow = typeof members.$inferSelect;
export type MemberListRow = MemberRow & { orgName: string; orgShortName?: string | null };

export interface MemberListQuery {
  scope: Scope;
  subtreePath?: string;
  /**
   * The subtree of this org, its path looked up (in scope) by the same statement, which then
   * matches nothing when the org is out of scope: the caller tells that apart from an empty page.
   */
  subtreeOrgId?: number;
  q?: string;
  idNumberHash?: string;
  status?: MemberStatusCode;
  gender?: GenderCode;
  education?: string;
  ethnicity?: string;
  /** Born on or before this date (age ≥ n). */
  bornOnOrBefore?: string;
  /** Born after this date (age ≤ n). */
  bornAfter?: string;
  includeLeft?: boolean;
}

export function memberConditions(query: MemberListQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [scopeCondition(members.orgPath, query.scope)];
  if (query.subtreePath) where.push(like(members.orgPath, `${query.subtreePath}%`));
  if (query.subtreeOrgId !== undefined) {
    // The prefix match as the range [path, path~): paths hold only base-36 labels and slashes, all
    // below '~', and a range on a looked-up value still bounds the index scan (LIKE would not).
    const path = sql`(select subtree_org.path from ${orgs} subtree_org
      where subtree_org.id = ${query.subtreeOrgId} and ${scopeCondition(sql`subtree_org.path`, query.scope)})`;
    where.push(sql`${members.orgPath} ~>=~ ${path} and ${members.orgPath} ~<~ (${path} || '~')`);
  }
  if (!query.includeLeft) where.push(isNull(members.leftOn));
  if (query.q) {
    const q = query.q;
    const ors: (SQL | undefined)[] = [ilike(members.name, `%${escapeLike(q)}%`)];
    if (isPinyinQuery(q)) ors.push(like(members.nameSearch, searchKeyPattern(q)));
    where.push(or(...ors));
  }
  if (query.idNumberHash) where.push(eq(members.idNumberHash, query.idNumberHash));
  if (query.status) where.push(eq(members.status, query.status));
  if (query.gender) where.push(eq(members.gender, query.gender));
  if (query.education) {
    // GB/T 4658 is hierarchical: 20 (大学本科) covers 21, 22 …
    where.push(
      query.education.endsWith('0')
        ? like(members.education, `${query.education.slice(0, 1)}%`)
        : eq(members.education, query.education),
    );
  }
  if (query.ethnicity) where.push(eq(members.ethnicity, query.ethnicity));
  if (query.bornOnOrBefore) where.push(lte(members.birthDate, query.bornOnOrBefore));
  if (query.bornAfter) where.push(gt(members.birthDate, query.bornAfter));
  return and(...where);
}

const listColumns = { ...getTableColumns(members), orgName: orgs.name, orgShortName: orgs.shortName };

/** The columns a list row shows (no ciphertext, hashes or pinyin keys). */
const listItemColumns = {
  id: members.id,
  orgId: members.orgId,
  orgName: orgs.name,
  orgShortName: orgs.shortName,
  name: members.name,
  gender: members.gender,
  idNumberMasked: members.idNumberMasked,
  ethnicity: members.ethnicity,
  birthDate: members.birthDate,
  nativePlace: members.nativePlace,
  education: members.education,
  status: members.status,
  joinedOn: members.joinedOn,
  confirmedOn: members.confirmedOn,
  workUnit: members.workUnit,
  post: members.post,
  phoneMasked: members.phoneMasked,
  address: members.address,
  remark: members.remark,
  leftOn: members.leftOn,
  leftReason: members.leftReason,
  leftNote: members.leftNote,
  version: members.version,
};
export type MemberListItem = Pick<MemberListRow, keyof typeof listItemColumns>;
const listItemSelect = sql.join(
  Object.entries(listItemColumns).map(([alias, column]) => sql`${column} as ${sql.identifier(alias)}`),
  sql`, `,
);

/**
 * One page and the filter's total in one statement, so a page costs one round trip. The page is
 * chosen first from the keys alone (an index-only top-N on `members_active_path_idx` for the common
 * filters), and only its rows are then read and joined to their orgs; the total is a window count
 * over the same scan (a second scan as a scalar subquery cost 5–10× the execution and planning
 * time: EXPLAIN ANALYZE on the county data set). A page past the end has no row to carry the
 * total and is counted on its own. Plain SQL with the columns named for the DTO: the query
 * builder's per-row, per-column mapping was the largest CPU cost of a list request (bench `list`).
 */
export async function selectMemberPage(
  db: Executor,
  query: MemberListQuery,
  limit: number,
  offset: number,
): Promise<{ items: MemberListItem[]; total: number }> {
  const where = memberConditions(query) ?? sql`true`;
  const result = (await db.execute(sql`with page as (
      select ${members.id} as id, ${members.namePinyin} as sort_key, count(*) over () as total
      from ${members}
      where ${where}
      order by ${members.namePinyin}, ${members.id}
      limit ${limit} offset ${offset})
    select ${listItemSelect}, page.total::int as "total"
    from page join ${members} on ${members.id} = page.id join ${orgs} on ${orgs.id} = ${members.orgId}
    order by page.sort_key, page.id`)) as unknown as {
    rows: (Omit<MemberListItem, 'id' | 'orgId'> & {
      id: number | string;
      orgId: number | string;
      total: number;
    })[];
  };
  const rows = result.rows;
  if (rows.length === 0 && offset > 0) {
    const [counted] = await db.select({ n: count() }).from(members).where(where);
    return { items: [], total: counted?.n ?? 0 };
  }
  return {
    items: rows.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id), orgId: Number(r.orgId) })),
    total: rows[0]?.total ?? 0,
  };
}

/** How many members match a filter (an export's audit entry records it). */
export async function countMembers(db: Executor, query: MemberListQuery): Promise<number> {
  const [counted] = await db
    .select({ n: count() })
    .from(members)
    .where(memberConditions(query) ?? sql`true`);
  return counted?.n ?? 0;
}

/** Pages through a filtered list in key order without OFFSET, for exports of any size. */
export async function selectMemberBatchAfter(
  db: Executor,
  query: MemberListQuery,
  afterId: number,
  limit: number,
) {
  return db
    .select(listColumns)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(memberConditions(query), gt(members.id, afterId)))
    .orderBy(asc(members.id))
    .limit(limit);
}

export async function selectMemberById(db: Executor, id: number, scope: Scope, forUpdate = false) {
  const q = db
    .select(listColumns)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.id, id), scopeCondition(members.orgPath, scope)));
  const [row] = forUpdate ? await q.for('update', { of: members }) : await q;
  return row;
}

export async function selectMembersByIdHashes(db: Executor, hashes: string[]) {
  if (hashes.length === 0) return [];
  return db.select().from(members).where(inArray(members.idNumberHash, hashes));
}

export async function selectMemberEvents(db: Executor, memberId: number) {
  return db
    .select({ ...getTableColumns(memberEvents), actor: users.displayName })
    .from(memberEvents)
    .leftJoin(users, eq(users.id, memberEvents.actorUserId))
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(asc(memberEvents.occurredOn), asc(memberEvents.id));
}

/** Members (with their org's name) holding any of these ID-number hashes, whatever the scope: imports check scope per row. */
export async function selectMemberListRowsByIdHashes(
  db: Executor,
  hashes: string[],
): Promise<MemberListRow[]> {
  if (hashes.length === 0) return [];
  return db
    .select(listColumns)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(inArray(members.idNumberHash, hashes));
}

/**
 * Multi-row insert with one array parameter per column (`INSERT … SELECT * FROM unnest($1::text[], …)`).
 * A VALUES list binds rows × columns parameters, which the embedded engine parses slowly; this binds
 * one per column. Keys of the rows are the table's property names; every row must have the same keys.
 */
async function insertUnnest(
  db: Executor,
  table: typeof members | typeof memberEvents,
  rows: Record<string, unknown>[],
  returning: SQL,
): Promise<Record<string, unknown>[]> {
  const [first] = rows;
  if (!first) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first);
  const names: SQL[] = [];
  const arrays: SQL[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`unknown column ${key}`);
    const isJson = column.getSQLType() === 'jsonb';
    const values = rows.map((r) => {
      const v = r[key] ?? null;
      return isJson && v !== null ? JSON.stringify(v) : v;
    });
    names.push(sql`${sql.identifier(column.name)}`);
    arrays.push(sql`${sql.param(values)}::${sql.raw(column.getSQLType())}[]`);
  }
  const result = await db.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)}) returning ${returning}`,
  );
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

export type NewMember = typeof members.$inferInsert;
export type NewMemberEvent = typeof memberEvents.$inferInsert;

/** Inserts members in one statement (imports); returns what the timeline and audit need. */
export async function insertMembersBulk(db: Executor, rows: NewMember[]) {
  const out = await insertUnnest(
    db,
    members,
    rows as unknown as Record<string, unknown>[],
    sql`id, name, org_id, id_number_masked, joined_on, confirmed_on`,
  );
  return out.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    orgId: Number(r.org_id),
    idNumberMasked: String(r.id_number_masked),
    joinedOn: String(r.joined_on),
    confirmedOn: r.confirmed_on === null ? null : String(r.confirmed_on),
  }));
}

export async function insertMemberEventsBulk(db: Executor, rows: NewMemberEvent[]) {
  await insertUnnest(db, memberEvents, rows as unknown as Record<string, unknown>[], sql`id`);
}
