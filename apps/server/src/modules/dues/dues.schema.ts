import { DuesCategoryCode } from '@zhibu/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { codeCheck } from '../../db/codeCheck.ts';
import { members, orgs, users } from '../../db/schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const MONTH_CHECK = sql`'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

/**
 * A member's dues profile (category, base, resulting standard) from a date on. Append-only: a
 * yearly review or a change is a new row; the profile in force for a month is the latest row
 * whose `effective_from` is on or before the month's last day (ties: the later row).
 */
export const duesProfiles = pgTable(
  'dues_profiles',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    category: text('category').$type<DuesCategoryCode>().notNull(),
    /** Monthly base in fen (wage after tax, actual monthly pay, pension); null for fixed amounts. */
    baseFen: bigint('base_fen', { mode: 'number' }),
    /** Farmer: the amount the branch chose; hardship: the amount decided (0 = waived). */
    amountFen: integer('amount_fen'),
    /** Rate in basis points (50 = 0.5 %), null for fixed amounts. */
    basisPoints: integer('basis_points'),
    standardFen: integer('standard_fen').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    reviewedOn: date('reviewed_on'),
    /** Hardship (第七条): the branch's decision and the higher committee's approval. */
    hardshipReason: text('hardship_reason'),
    hardshipDecidedOn: date('hardship_decided_on'),
    hardshipApprovedBy: text('hardship_approved_by'),
    hardshipApprovedOn: date('hardship_approved_on'),
    note: text('note'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('dues_profiles_member_idx').on(t.memberId, t.effectiveFrom, t.id),
    check('dues_profiles_amounts_check', sql`${t.standardFen} >= 0 and coalesce(${t.baseFen}, 0) >= 0`),
    codeCheck('dues_profiles_category_check', t.category, DuesCategoryCode.options),
  ],
);

/** One collection by a branch for a month (the 确认收缴 of the collection screen). */
export const duesBatches = pgTable(
  'dues_batches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    month: text('month').notNull(),
    paidOn: date('paid_on').notNull(),
    itemCount: integer('item_count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    note: text('note'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('dues_batches_org_idx').on(t.orgId, t.month)],
);

/**
 * The dues ledger, append-only (a trigger refuses UPDATE and DELETE): a payment for a month, a
 * voluntary extra payment, or a reversal that cancels exactly one earlier entry. The collecting
 * org is kept by id, not by path, so moving an org never needs to touch the ledger.
 */
export const duesPayments = pgTable(
  'dues_payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').$type<'monthly' | 'extra' | 'reversal'>().notNull(),
    /** The month paid for ('YYYY-MM'); null for an extra payment (and its reversal). */
    month: text('month'),
    /** Negative only for a reversal. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** The member's standard for the month when the entry was made. */
    standardFen: integer('standard_fen'),
    /** Part of the entry that goes entirely to the Centre (voluntary extra ≥ 1000 元, 第十一条). */
    centreFen: bigint('centre_fen', { mode: 'number' }).notNull().default(0),
    paidOn: date('paid_on').notNull(),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => duesBatches.id),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => duesPayments.id),
    note: text('note'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('dues_payments_member_month_idx').on(t.memberId, t.month),
    index('dues_payments_org_month_idx').on(t.orgId, t.month),
    index('dues_payments_batch_idx').on(t.batchId),
    uniqueIndex('dues_payments_reverses_key').on(t.reversesId),
    check('dues_payments_kind_check', sql`${t.kind} in ('monthly', 'extra', 'reversal')`),
    check('dues_payments_month_check', sql`${t.month} is null or ${t.month} ~ ${MONTH_CHECK}`),
    check(
      'dues_payments_shape_check',
      sql`(${t.kind} = 'reversal') = (${t.reversesId} is not null) and (${t.kind} <> 'monthly' or ${t.month} is not null) and (${t.kind} = 'reversal') = (${t.amountFen} < 0)`,
    ),
  ],
);

/**
 * Rollup kept current on every ledger write (and rebuildable from the ledger): the last month for
 * which a member has a net payment. The lapse rule (P4, 6 months unpaid) reads it instead of
 * scanning a county's payments on every evaluation.
 */
export const duesMemberState = pgTable('dues_member_state', {
  memberId: bigint('member_id', { mode: 'number' })
    .primaryKey()
    .references(() => members.id),
  lastPaidMonth: text('last_paid_month'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
