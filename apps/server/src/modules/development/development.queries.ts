import type { DevelopmentStageCode } from '@zhibu/shared';
import type { DevelopmentStatusCode } from '@zhibu/shared/api';
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
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Scope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { members, orgs, users } from '../../db/schema.ts';
import { isPinyinQuery, searchKeyPattern } from '../../lib/pinyinKeys.ts';
import { escapeLike } from '../orgs/orgs.queries.ts';
import { admissionAuthorities, developmentPeople, developmentSteps } from './development.schema.ts';

export type PersonRow = typeof developmentPeople.$inferSelect;
export type PersonListRow = PersonRow & { orgName: string };
export type StepRow = typeof developmentSteps.$inferSelect;
export type NewStep = typeof developmentSteps.$inferInsert;

const personColumns = { ...getTableColumns(developmentPeople), orgName: orgs.name };

export async function selectPersonById(
  db: Executor,
  id: number,
  scope: Scope,
  forUpdate = false,
): Promise<PersonListRow | undefined> {
  const q = db
    .select(personColumns)
    .from(developmentPeople)
    .innerJoin(orgs, eq(orgs.id, developmentPeople.orgId))
    .where(and(eq(developmentPeople.id, id), scopeCondition(developmentPeople.orgPath, scope)));
  const [row] = forUpdate ? await q.for('update', { of: developmentPeople }) : await q;
  return row;
}

export interface PeopleQuery {
  scope: Scope;
  subtreePath?: string;
  stage?: DevelopmentStageCode;
  status?: DevelopmentStatusCode;
  q?: string;
  overdueBefore?: string;
}

function peopleConditions(query: PeopleQuery): SQL | undefined {
  const p = developmentPeople;
  const where: (SQL | undefined)[] = [
    scopeCondition(p.orgPath, query.scope),
    eq(p.status, query.status ?? 'active'),
  ];
  if (query.subtreePath) where.push(like(p.orgPath, `${query.subtreePath}%`));
  if (query.stage) where.push(eq(p.stage, query.stage));
  if (query.overdueBefore) where.push(lt(p.dueOn, query.overdueBefore));
  if (query.q) {
    const ors: SQL[] = [ilike(p.name, `%${escapeLike(query.q)}%`)];
    if (isPinyinQuery(query.q)) ors.push(like(p.nameSearch, searchKeyPattern(query.q)));
    where.push(or(...ors));
  }
  return and(...where);
}

export async function selectPeoplePage(db: Executor, query: PeopleQuery, limit: number, offset: number) {
  const where = peopleConditions(query);
  const p = developmentPeople;
  const [items, [total]] = await Promise.all([
    db
      .select(personColumns)
      .from(p)
      .innerJoin(orgs, eq(orgs.id, p.orgId))
      .where(where)
      .orderBy(sql`${p.dueOn} asc nulls last`, asc(p.namePinyin), asc(p.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(p).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** People in progress per stage, and how many of them are past a deadline. */
export async function countByStage(
  db: Executor,
  scope: Scope,
  subtreePath: string | undefined,
  today: string,
) {
  const p = developmentPeople;
  return db
    .select({
      stage: p.stage,
      count: count(),
      overdue: sql<number>`count(*) filter (where ${p.dueOn} < ${today})`.mapWith(Number),
    })
    .from(p)
    .where(
      and(
        scopeCondition(p.orgPath, scope),
        eq(p.status, 'active'),
        subtreePath ? like(p.orgPath, `${subtreePath}%`) : undefined,
      ),
    )
    .groupBy(p.stage);
}

const actingOrgs = alias(orgs, 'acting_org');

export async function selectSteps(db: Executor, personId: number) {
  return db
    .select({
      ...getTableColumns(developmentSteps),
      recordedByName: users.displayName,
      actingOrgRealName: actingOrgs.name,
    })
    .from(developmentSteps)
    .leftJoin(users, eq(users.id, developmentSteps.recordedBy))
    .leftJoin(actingOrgs, eq(actingOrgs.id, developmentSteps.actingOrgId))
    .where(eq(developmentSteps.personId, personId))
    .orderBy(asc(developmentSteps.id));
}
export type StepListRow = Awaited<ReturnType<typeof selectSteps>>[number];

/** People still in progress with this ID number (duplicates are refused). */
export async function selectActiveByIdHash(db: Executor, hash: string) {
  return db
    .select({ id: developmentPeople.id })
    .from(developmentPeople)
    .where(and(eq(developmentPeople.idNumberHash, hash), eq(developmentPeople.status, 'active')));
}

/** Members on the register with this ID number. */
export async function selectRegisteredByIdHash(db: Executor, hash: string) {
  return db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.idNumberHash, hash), isNull(members.leftOn)));
}

/** Members (mentors, sponsors) as the rules need them, limited to the caller's scope. */
export async function selectMemberStandings(db: Executor, ids: number[], scope: Scope) {
  if (ids.length === 0) return [];
  return db
    .select({ id: members.id, name: members.name, status: members.status, leftOn: members.leftOn })
    .from(members)
    .where(and(inArray(members.id, ids), scopeCondition(members.orgPath, scope)));
}

export async function selectOrgsByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgs.id, name: orgs.name, type: orgs.type, path: orgs.path, parentId: orgs.parentId })
    .from(orgs)
    .where(inArray(orgs.id, ids));
}

export async function selectAuthorityOrgIds(db: Executor, orgIds: number[]): Promise<Set<number>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db
    .select({ orgId: admissionAuthorities.orgId })
    .from(admissionAuthorities)
    .where(inArray(admissionAuthorities.orgId, orgIds));
  return new Set(rows.map((r) => r.orgId));
}

/** Authorities granted to orgs in scope (or above it, on the caller's path: who approves for them). */
export async function selectAuthorities(db: Executor, scope: Scope, pathsAbove: number[]) {
  const where =
    pathsAbove.length > 0
      ? or(scopeCondition(orgs.path, scope), inArray(orgs.id, pathsAbove))
      : scopeCondition(orgs.path, scope);
  return db
    .select({
      orgId: admissionAuthorities.orgId,
      grantedOn: admissionAuthorities.grantedOn,
      basis: admissionAuthorities.basis,
      orgName: orgs.name,
      orgType: orgs.type,
    })
    .from(admissionAuthorities)
    .innerJoin(orgs, eq(orgs.id, admissionAuthorities.orgId))
    .where(where)
    .orderBy(asc(orgs.depth), asc(orgs.namePinyin));
}

/** The pipeline record of a member (conversion of someone admitted through zhibu or resumed). */
export async function selectPersonByMemberId(db: Executor, memberId: number) {
  const [row] = await db
    .select()
    .from(developmentPeople)
    .where(and(eq(developmentPeople.memberId, memberId), eq(developmentPeople.status, 'active')));
  return row;
}
