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
import { escapeLike } from '../orgs/orgs.queries.ts';

export type MemberRow = typeof members.$inferSelect;
export type MemberListRow = MemberRow & { orgName: string };

export interface MemberListQuery {
  scope: Scope;
  subtreePath?: string;
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
  if (!query.includeLeft) where.push(isNull(members.leftOn));
  if (query.q) {
    const q = query.q;
    const ors: (SQL | undefined)[] = [ilike(members.name, `%${escapeLike(q)}%`)];
    if (/^[a-z]+$/i.test(q)) {
      ors.push(
        like(members.nameInitials, `${q.toLowerCase()}%`),
        like(members.namePinyin, `${q.toLowerCase()}%`),
      );
    }
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

const listColumns = { ...getTableColumns(members), orgName: orgs.name };

export async function selectMemberPage(db: Executor, query: MemberListQuery, limit: number, offset: number) {
  const where = memberConditions(query);
  const [items, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(members)
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(where)
      .orderBy(asc(members.namePinyin), asc(members.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(members).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
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
