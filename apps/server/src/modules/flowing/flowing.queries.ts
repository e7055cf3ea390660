import type { FlowingDirectionCode, FlowingStatusCode } from '@zhibu/shared/api';
import { and, asc, count, desc, eq, getTableColumns, ilike, like, type SQL, sql } from 'drizzle-orm';
import { type Scope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { orgs, users } from '../../db/schema.ts';
import { escapeLike } from '../orgs/orgs.queries.ts';
import { transfers } from '../transfers/transfers.schema.ts';
import { flowingContacts, flowingRecords } from './flowing.schema.ts';

export type FlowingRow = typeof flowingRecords.$inferSelect;

const r = flowingRecords;
const listColumns = {
  ...getTableColumns(flowingRecords),
  orgName: orgs.name,
  hasTransferSince: sql<boolean>`exists(select 1 from ${transfers} t where t.member_id = ${r.memberId} and t.issued_on >= ${r.since} and t.status not in ('returned', 'cancelled'))`,
};
export type FlowingListRow = FlowingRow & { orgName: string; hasTransferSince: boolean };

export interface FlowingQuery {
  scope: Scope;
  direction: FlowingDirectionCode;
  subtreePath?: string;
  status?: FlowingStatusCode;
  q?: string;
}

function conditions(query: FlowingQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [
    scopeCondition(r.orgPath, query.scope),
    eq(r.direction, query.direction),
    eq(r.status, query.status ?? 'active'),
  ];
  if (query.subtreePath) where.push(like(r.orgPath, `${query.subtreePath}%`));
  if (query.q) where.push(ilike(r.name, `%${escapeLike(query.q)}%`));
  return and(...where);
}

export async function selectFlowingPage(db: Executor, query: FlowingQuery, limit: number, offset: number) {
  const where = conditions(query);
  const [items, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(r)
      .innerJoin(orgs, eq(orgs.id, r.orgId))
      .where(where)
      .orderBy(asc(r.since), asc(r.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(r).where(where),
  ]);
  return { items: items.map(normalize), total: total?.n ?? 0 };
}

function normalize(row: FlowingListRow): FlowingListRow {
  return { ...row, hasTransferSince: Boolean(row.hasTransferSince) };
}

export async function selectFlowingById(db: Executor, id: number, scope: Scope, forUpdate = false) {
  const q = db
    .select(listColumns)
    .from(r)
    .innerJoin(orgs, eq(orgs.id, r.orgId))
    .where(and(eq(r.id, id), scopeCondition(r.orgPath, scope)));
  const [row] = forUpdate ? await q.for('update', { of: r }) : await q;
  return row ? normalize(row) : undefined;
}

export async function selectContacts(db: Executor, recordId: number) {
  return db
    .select({ ...getTableColumns(flowingContacts), recordedByName: users.displayName })
    .from(flowingContacts)
    .leftJoin(users, eq(users.id, flowingContacts.recordedBy))
    .where(eq(flowingContacts.recordId, recordId))
    .orderBy(desc(flowingContacts.contactedOn), desc(flowingContacts.id));
}

export async function selectActiveOutflows(db: Executor, memberId: number) {
  return db
    .select()
    .from(r)
    .where(and(eq(r.memberId, memberId), eq(r.direction, 'out'), eq(r.status, 'active')));
}
