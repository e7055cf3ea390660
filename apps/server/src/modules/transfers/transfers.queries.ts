import type { TransferBoxCode, TransferKindCode } from '@zhibu/shared/api';
import {
  and,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  like,
  ne,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Scope, scopeCondition } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { orgs, users } from '../../db/schema.ts';
import { isPinyinQuery, searchKeyPattern } from '../../lib/pinyinKeys.ts';
import { PENDING_STATUSES } from '../../rules/transfers.rules.ts';
import { escapeLike } from '../orgs/orgs.queries.ts';
import { transfers } from './transfers.schema.ts';

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransfer = typeof transfers.$inferInsert;
export type TransferListRow = TransferRow & { initiatedByName: string | null };

/** Rows a side of the transfer may see: the sender by `from_org_path`, the receiver by `to_org_path`. */
export function sideCondition(box: TransferBoxCode | 'either', scope: Scope): SQL {
  const sending = and(
    sql`${transfers.fromOrgPath} is not null`,
    scopeCondition(transfers.fromOrgPath, scope),
  ) as SQL;
  const receiving = and(
    sql`${transfers.toOrgPath} is not null`,
    scopeCondition(transfers.toOrgPath, scope),
  ) as SQL;
  if (box === 'incoming') return receiving;
  if (box === 'outgoing') return sending;
  return or(sending, receiving) as SQL;
}

export interface TransferQuery {
  scope: Scope;
  box: TransferBoxCode;
  state: 'pending' | 'closed' | 'all';
  kind?: TransferKindCode;
}

function listConditions(query: TransferQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [sideCondition(query.box, query.scope)];
  if (query.state === 'pending') where.push(inArray(transfers.status, [...PENDING_STATUSES]));
  if (query.state === 'closed') where.push(notInArray(transfers.status, [...PENDING_STATUSES]));
  if (query.kind) where.push(eq(transfers.kind, query.kind));
  return and(...where);
}

const withInitiator = { initiatedByName: users.displayName };

export async function selectTransferPage(db: Executor, query: TransferQuery, limit: number, offset: number) {
  const where = listConditions(query);
  const [items, [total]] = await Promise.all([
    db
      .select({ transfer: transfers, ...withInitiator })
      .from(transfers)
      .leftJoin(users, eq(users.id, transfers.initiatedBy))
      .where(where)
      .orderBy(desc(transfers.issuedOn), desc(transfers.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(transfers).where(where),
  ]);
  return {
    items: items.map((r) => ({ ...r.transfer, initiatedByName: r.initiatedByName })),
    total: total?.n ?? 0,
  };
}

export async function selectTransferById(
  db: Executor,
  id: number,
  visible: SQL,
  forUpdate = false,
): Promise<TransferListRow | undefined> {
  const q = db
    .select({ transfer: transfers, ...withInitiator })
    .from(transfers)
    .leftJoin(users, eq(users.id, transfers.initiatedBy))
    .where(and(eq(transfers.id, id), visible));
  const [row] = forUpdate ? await q.for('update', { of: transfers }) : await q;
  return row ? { ...row.transfer, initiatedByName: row.initiatedByName } : undefined;
}

export async function countPending(db: Executor, scope: Scope, today: string) {
  const pending = inArray(transfers.status, [...PENDING_STATUSES]);
  const [incoming] = await db
    .select({ n: count() })
    .from(transfers)
    .where(and(pending, sideCondition('incoming', scope)));
  const [outgoing] = await db
    .select({ n: count() })
    .from(transfers)
    .where(and(pending, sideCondition('outgoing', scope)));
  const [overdue] = await db
    .select({ n: count() })
    .from(transfers)
    .where(and(pending, sql`${transfers.validUntil} < ${today}`, sideCondition('either', scope)));
  return { incomingPending: incoming?.n ?? 0, outgoingPending: outgoing?.n ?? 0, overdue: overdue?.n ?? 0 };
}

/** A member's transfers still under way (one at a time). */
export async function selectPendingForMember(db: Executor, memberId: number) {
  return db
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.memberId, memberId), inArray(transfers.status, [...PENDING_STATUSES])));
}

/** Incoming letters still pending for this ID number. */
export async function selectPendingIncomingByHash(db: Executor, hash: string) {
  return db
    .select({ id: transfers.id })
    .from(transfers)
    .where(
      and(eq(transfers.idNumberHash, hash), eq(transfers.kind, 'in'), eq(transfers.status, 'initiated')),
    );
}

const parents = alias(orgs, 'parent');

/**
 * Orgs anywhere in the tree that can receive a member, by name, short name or initials. This is
 * the one place a caller sees org names outside their scope: a sender must be able to name the
 * receiving org (only names, never members or details).
 */
export async function selectDestinations(db: Executor, q: string, limit: number) {
  const ors: SQL[] = [ilike(orgs.name, `%${escapeLike(q)}%`), ilike(orgs.shortName, `%${escapeLike(q)}%`)];
  if (isPinyinQuery(q)) ors.push(like(orgs.nameSearch, searchKeyPattern(q)));
  return db
    .select({ id: orgs.id, name: orgs.name, parentName: parents.name })
    .from(orgs)
    .leftJoin(parents, eq(parents.id, orgs.parentId))
    .where(and(or(...ors), isNull(orgs.dissolvedOn), ne(orgs.type, 'group')))
    .orderBy(orgs.depth, orgs.namePinyin)
    .limit(limit);
}

export async function selectOrgForTransfer(db: Executor, id: number) {
  const [row] = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path, type: orgs.type, dissolvedOn: orgs.dissolvedOn })
    .from(orgs)
    .where(eq(orgs.id, id));
  return row;
}
