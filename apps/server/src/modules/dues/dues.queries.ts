import { asc, count, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/createDatabase.ts';
import { memberEvents, members, orgs, users } from '../../db/schema.ts';
import { duesBatches, duesMemberState, duesPayments, duesProfiles } from './dues.schema.ts';

// SQL of the dues module. `where` arguments are conditions on the `members` table that already
// hold the caller's scope (scopeCondition on members.org_path).

export type DuesProfileRow = typeof duesProfiles.$inferSelect & { recordedByName: string | null };
export type DuesPaymentRow = typeof duesPayments.$inferSelect;

export interface DuesMemberRow {
  id: number;
  name: string;
  orgId: number;
  orgPath: string;
  orgName: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  leftOn: string | null;
}

const memberColumns = {
  id: members.id,
  name: members.name,
  orgId: members.orgId,
  orgPath: members.orgPath,
  orgName: orgs.name,
  status: members.status,
  joinedOn: members.joinedOn,
  leftOn: members.leftOn,
};

export async function selectDuesMembers(
  db: Executor,
  where: SQL,
  page?: { limit: number; offset: number },
): Promise<DuesMemberRow[]> {
  const q = db
    .select(memberColumns)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(where)
    .orderBy(asc(members.orgPath), asc(members.namePinyin), asc(members.id));
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

export async function countDuesMembers(db: Executor, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members).where(where);
  return row?.n ?? 0;
}

function memberIdsWhere(where: SQL): SQL {
  return sql`(select ${members.id} from ${members} where ${where})`;
}

/** Every profile of the members matching `where`, in the order they apply. */
export async function selectProfiles(db: Executor, where: SQL): Promise<DuesProfileRow[]> {
  return db
    .select({ ...getTableColumns(duesProfiles), recordedByName: users.displayName })
    .from(duesProfiles)
    .leftJoin(users, eq(users.id, duesProfiles.recordedBy))
    .where(sql`${duesProfiles.memberId} in ${memberIdsWhere(where)}`)
    .orderBy(asc(duesProfiles.memberId), asc(duesProfiles.effectiveFrom), asc(duesProfiles.id));
}

/** Net paid per member and month (payments less reversals) for months in [from, to]. */
export async function selectMonthlyNet(db: Executor, where: SQL, from: string, to: string) {
  const rows = await db
    .select({
      memberId: duesPayments.memberId,
      month: duesPayments.month,
      netFen: sql<string>`sum(${duesPayments.amountFen})`,
    })
    .from(duesPayments)
    .where(
      sql`${duesPayments.month} >= ${from} and ${duesPayments.month} <= ${to} and ${duesPayments.memberId} in ${memberIdsWhere(where)}`,
    )
    .groupBy(duesPayments.memberId, duesPayments.month);
  return rows.map((r) => ({ memberId: r.memberId, month: r.month ?? '', netFen: Number(r.netFen) }));
}

const ledgerMemberColumns = {
  id: members.id,
  orgId: members.orgId,
  status: members.status,
  joinedOn: members.joinedOn,
  leftOn: members.leftOn,
};
export type LedgerMemberRow = {
  id: number;
  orgId: number;
  status: 'full' | 'probationary';
  joinedOn: string;
  leftOn: string | null;
};

/** Profiles reduced to what the lapse rule reads, in the order they apply. */
export type LedgerProfileRow = { memberId: number; standardFen: number; effectiveFrom: string };
export async function selectLedgerProfiles(db: Executor, where: SQL): Promise<LedgerProfileRow[]> {
  return db
    .select({
      memberId: duesProfiles.memberId,
      standardFen: duesProfiles.standardFen,
      effectiveFrom: duesProfiles.effectiveFrom,
    })
    .from(duesProfiles)
    .where(sql`${duesProfiles.memberId} in ${memberIdsWhere(where)}`)
    .orderBy(asc(duesProfiles.memberId), asc(duesProfiles.effectiveFrom), asc(duesProfiles.id));
}

const hasProfile = sql`exists (select 1 from ${duesProfiles} where ${duesProfiles.memberId} = ${members.id})`;

/** Members matching `where` without any dues profile. */
export async function selectMembersWithoutProfile(db: Executor, where: SQL): Promise<LedgerMemberRow[]> {
  return db.select(ledgerMemberColumns).from(members).where(sql`${where} and not ${hasProfile}`);
}

/**
 * Members matching `where` with a profile and no month paid from `fromMonth` on, with their last
 * paid month: read from the dues_member_state rollup, so a county needs no scan of its payments.
 */
export async function selectMembersUnpaidSince(
  db: Executor,
  where: SQL,
  fromMonth: string,
): Promise<(LedgerMemberRow & { lastPaidMonth: string | null })[]> {
  return db
    .select({ ...ledgerMemberColumns, lastPaidMonth: duesMemberState.lastPaidMonth })
    .from(members)
    .leftJoin(duesMemberState, eq(duesMemberState.memberId, members.id))
    .where(
      sql`${where} and ${hasProfile} and (${duesMemberState.lastPaidMonth} is null or ${duesMemberState.lastPaidMonth} < ${fromMonth})`,
    );
}

/** Last paid month of each member matching `where`, from the rollup. */
export async function selectLastPaidFromState(db: Executor, where: SQL): Promise<Map<number, string>> {
  const rows = await db
    .select({ memberId: duesMemberState.memberId, month: duesMemberState.lastPaidMonth })
    .from(duesMemberState)
    .where(
      sql`${duesMemberState.memberId} in ${memberIdsWhere(where)} and ${duesMemberState.lastPaidMonth} is not null`,
    );
  return new Map(rows.map((r) => [r.memberId, r.month ?? '']));
}

function lastPaidOf(memberIdExpr: SQL): SQL {
  return sql`(select max(x.month) from (select ${duesPayments.month} as month from ${duesPayments} where ${duesPayments.memberId} = ${memberIdExpr} and ${duesPayments.month} is not null group by ${duesPayments.month} having sum(${duesPayments.amountFen}) > 0) x)`;
}

/** Recomputes the rollup of these members from the ledger; called in the transaction of every ledger write. */
export async function refreshMemberStates(db: Executor, memberIds: number[]): Promise<void> {
  for (let i = 0; i < memberIds.length; i += 5000) {
    const chunk = memberIds.slice(i, i + 5000);
    await db.execute(sql`
      insert into ${duesMemberState} (member_id, last_paid_month, updated_at)
      select m.id, ${lastPaidOf(sql`m.id`)}, now() from members m where m.id in ${sql`(${sql.join(
        chunk.map((id) => sql`${id}`),
        sql`, `,
      )})`}
      on conflict (member_id) do update set last_paid_month = excluded.last_paid_month, updated_at = excluded.updated_at`);
  }
}

/** Rebuilds the whole rollup from the ledger (after a bulk load, or to verify it). */
export async function rebuildMemberStates(db: Executor): Promise<void> {
  await db.execute(sql`
    insert into ${duesMemberState} (member_id, last_paid_month, updated_at)
    select m.id, ${lastPaidOf(sql`m.id`)}, now() from members m
    where exists (select 1 from ${duesPayments} where ${duesPayments.memberId} = m.id)
    on conflict (member_id) do update set last_paid_month = excluded.last_paid_month, updated_at = excluded.updated_at`);
}

/** The profile in force on `day` of each member matching `where`, when its base was last fixed on or before `reviewedBy`. */
export async function selectProfilesNotReviewedSince(
  db: Executor,
  where: SQL,
  day: string,
  reviewedBy: string,
) {
  const current = db
    .selectDistinctOn([duesProfiles.memberId], {
      memberId: duesProfiles.memberId,
      orgId: members.orgId,
      category: duesProfiles.category,
      standardFen: duesProfiles.standardFen,
      effectiveFrom: duesProfiles.effectiveFrom,
      reviewedOn: duesProfiles.reviewedOn,
    })
    .from(duesProfiles)
    .innerJoin(members, eq(members.id, duesProfiles.memberId))
    .where(sql`${where} and ${duesProfiles.effectiveFrom} <= ${day}`)
    .orderBy(duesProfiles.memberId, desc(duesProfiles.effectiveFrom), desc(duesProfiles.id))
    .as('current');
  return db
    .select()
    .from(current)
    .where(
      sql`${current.category} in ('employed', 'annual_salary', 'retired') and coalesce(${current.reviewedOn}, ${current.effectiveFrom}) <= ${reviewedBy}`,
    );
}

/** Latest day each member's 停止党籍 was lifted (restoreMember records it as a `restored` event). */
export async function selectSuspensionsLifted(db: Executor, where: SQL): Promise<Map<number, string>> {
  const rows = await db
    .select({ memberId: memberEvents.memberId, on: sql<string>`max(${memberEvents.occurredOn})` })
    .from(memberEvents)
    .where(
      sql`${memberEvents.kind} = 'restored' and ${memberEvents.detail}->>'restoreMode' = 'suspension_lifted' and ${memberEvents.memberId} in ${memberIdsWhere(where)}`,
    )
    .groupBy(memberEvents.memberId);
  return new Map(rows.map((r) => [r.memberId, r.on]));
}

const reversal = alias(duesPayments, 'reversal');
const payer = alias(members, 'payer');
const collector = alias(orgs, 'collector');

export const paymentListColumns = {
  ...getTableColumns(duesPayments),
  memberName: payer.name,
  orgName: collector.name,
  recordedByName: users.displayName,
  reversedById: reversal.id,
};
export type DuesPaymentListRow = DuesPaymentRow & {
  memberName: string;
  orgName: string;
  recordedByName: string | null;
  reversedById: number | null;
};

function paymentList(db: Executor) {
  return db
    .select(paymentListColumns)
    .from(duesPayments)
    .innerJoin(payer, eq(payer.id, duesPayments.memberId))
    .innerJoin(collector, eq(collector.id, duesPayments.orgId))
    .leftJoin(users, eq(users.id, duesPayments.recordedBy))
    .leftJoin(reversal, eq(reversal.reversesId, duesPayments.id));
}

/** Ledger entries where `where` is a condition on the payer (`payer`) and collector (`collector`). */
export async function selectPaymentPage(
  db: Executor,
  where: SQL,
  limit: number,
  offset: number,
): Promise<{ items: DuesPaymentListRow[]; total: number }> {
  const [items, [total]] = await Promise.all([
    paymentList(db).where(where).orderBy(desc(duesPayments.id)).limit(limit).offset(offset),
    db
      .select({ n: count() })
      .from(duesPayments)
      .innerJoin(payer, eq(payer.id, duesPayments.memberId))
      .innerJoin(collector, eq(collector.id, duesPayments.orgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function selectPaymentById(db: Executor, id: number): Promise<DuesPaymentListRow | undefined> {
  const [row] = await paymentList(db).where(eq(duesPayments.id, id));
  return row;
}

export const paymentTables = { payer, collector };

export { duesBatches, duesPayments, duesProfiles };
